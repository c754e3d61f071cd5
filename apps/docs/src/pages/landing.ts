import type { DocsApi } from "../model/load.js";
import { codeBlock } from "../render/code-block.js";
import { esc } from "../render/html.js";
import { cliSample } from "../samples/cli.js";
import { exampleInput } from "../samples/example-input.js";
import { typescriptSample } from "../samples/typescript.js";
import { href } from "../site/links.js";
import type { Page } from "../site/page.js";
import type { Guide } from "./guides.js";
import { apiPath, eventsPath, operationPath } from "./reference-paths.js";

/** The mock in a test, as the mock's README shows it. */
const MOCK_SNIPPET = `import { startMockServer } from "@voicetask/mock";

const mock = await startMockServer({ port: 0 }); // checks signatures, rate limits, task state
// point the client at mock.url, run your code, then look at what it sent:
const journal = await fetch(\`\${mock.url}/_mock/journal\`).then((r) => r.json());
await mock.close();`;

/**
 * The home page: what voicetask is and the three ways in (client, CLI, mock), each with a sample. The client
 * and CLI samples are generated from the model (the first API with a client and a CLI word, its first operation
 * whose name starts with "Stop").
 */
export function landingPage(apis: readonly DocsApi[], guides: Guide[]): Page {
  const path = "index.html";
  const api = apis.find((a) => a.model.client && a.model.cli);
  if (!api) throw new Error("No API has a client and a CLI word");
  const op = api.model.operations.find((o) => o.name.startsWith("Stop")) ?? api.model.operations[0];
  if (!op) throw new Error(`${api.model.name} has no operations`);
  const input = exampleInput(op);
  const ts = typescriptSample(api, op, input);
  const cli = cliSample(api, op, input);
  const guide = (slug: string) => {
    const g = guides.find((x) => x.slug === slug);
    if (!g) throw new Error(`Guide ${slug} is missing`);
    return esc(href(path, g.path));
  };
  const apiList = apis
    .map(
      ({ model: a }) =>
        `<li><a href="${esc(href(path, apiPath(a)))}">${esc(a.title)}</a> — ${a.operations
          .map((o) => `<a href="${esc(href(path, operationPath(a, o)))}"><code>${esc(o.name)}</code></a>`)
          .join(
            ", ",
          )}${a.webhooks.length ? ` · <a href="${esc(href(path, eventsPath(a)))}">events</a>` : ""}</li>`,
    )
    .join("");
  const body = `<section class="hero">
<h1 id="top">voicetask</h1>
<p class="lead">A TypeScript toolkit for the server-side control APIs of voice-AI tasks: Tencent Cloud TRTC
<strong>AI conversation</strong> tasks and Amazon Chime SDK Voice <strong>speaker search</strong> tasks. It signs
requests (TC3-HMAC-SHA256, SigV4), keeps under the documented rate limits and retries only when that is safe.
The clients, the CLI, the mock and this reference are all built from the same API descriptions, so they agree.</p>
<p><a class="button" href="${guide("quick-start")}">Quick start</a> <a class="button secondary" href="${esc(href(path, "reference/index.html"))}">API reference</a></p>
</section>
<section class="ways">
<h2 id="three-ways-in">Three ways in</h2>
<div class="way">
<h3 id="client">1. The typed client, in your backend</h3>
<p>One method per operation, typed from the spec: <code>${esc(ts.code.match(/client\.\w+/)?.[0] ?? "")}(…)</code>. Runs on Node, browsers and edge runtimes. <a href="${guide("quick-start")}">Quick start</a> · <a href="${guide("authentication-and-signing")}">Signing</a></p>
${codeBlock(ts.code, ts.language, `${ts.label} — ${op.name}`)}
</div>
<div class="way">
<h3 id="cli">2. The CLI, in your terminal</h3>
<p><code>voicetask</code>: commands and kebab-case flags come from the spec, like <code>aws</code> and <code>tccli</code>. <a href="${esc(href(path, operationPath(api.model, op)))}#samples">More samples</a></p>
${codeBlock(cli.code, cli.language, `${cli.label} — ${op.name}`)}
</div>
<div class="way">
<h3 id="mock">3. The mock, in your tests</h3>
<p><code>voicetask-mock</code> is a local, stateful TRTC + Chime service that verifies signatures, enforces rate limits and answers in each provider's own format, with a control API under <code>/_mock/</code>. <a href="${guide("testing-with-the-mock")}">Testing with the mock</a></p>
${codeBlock(MOCK_SNIPPET, "ts", "@voicetask/mock in a test")}
</div>
</section>
<section>
<h2 id="apis">APIs</h2>
<ul>${apiList}</ul>
</section>
<section>
<h2 id="guides">Guides</h2>
<ul class="card-list">${guides.map((g) => `<li><a href="${esc(href(path, g.path))}">${esc(g.title)}</a><p>${esc(g.summary)}</p></li>`).join("")}</ul>
</section>`;
  return {
    path,
    title: "voicetask documentation",
    section: "home",
    body,
    search: [
      { title: "voicetask", url: path, section: "Home", text: "client CLI mock three ways in overview" },
    ],
  };
}
