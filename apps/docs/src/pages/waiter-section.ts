import type { OperationModel, WaiterModel } from "@voicetask/core";
import { esc } from "../render/html.js";
import { renderInline } from "../render/markdown.js";
import { sampleTabs } from "../render/sample-tabs.js";
import { afterSamples, defaultWaitMs, waiterHelper, waiterSamples } from "../samples/waiters.js";
import { href } from "../site/links.js";
import type { OperationContext, OperationSection } from "./operation-section.js";
import { operationPath, waiterAnchor } from "./reference-paths.js";

const values = (list: readonly string[]) => list.map((v) => `\`${v}\``).join(" or ");

/** What a waiter waits for, in words: its pace, its end states, and the operations it follows. */
function waiterFacts(ctx: OperationContext, waiter: WaiterModel): string {
  const { api, path } = ctx;
  const seconds = defaultWaitMs(waiter) / 1000;
  const link = (name: string) => {
    const op = api.model.operations.find((o) => o.name === name);
    return op
      ? `<a href="${esc(href(path, operationPath(api.model, op)))}"><code>${esc(name)}</code></a>`
      : name;
  };
  const items = [
    `Polls <code>${esc(waiter.operation)}</code> every ${waiter.delaySeconds} s, at most ${waiter.maxAttempts} times (${seconds} s); out of time, it fails with a <code>WaiterError</code> (<code>reason: "timeout"</code>).`,
    renderInline(`Done when \`${waiter.status}\` in the result is ${values(waiter.success)}.`),
    waiter.failure.length
      ? renderInline(
          `Fails at once when it is ${values(waiter.failure)}: a \`WaiterError\` (\`reason: "failure"\`), since the wanted state cannot follow.`,
        )
      : "",
    waiter.goneIsSuccess.length
      ? renderInline(
          `Also done when the poll answers ${values(waiter.goneIsSuccess)}: the resource is gone (\`state: "gone"\`).`,
        )
      : "",
    Object.keys(waiter.after).length
      ? `Follows ${Object.keys(waiter.after).map(link).join(", ")} (the CLI's <code>--wait</code>).`
      : "",
  ].filter(Boolean);
  return `<ul class="waiter-facts">${items.map((i) => `<li>${i}</li>`).join("")}</ul>`;
}

/** On the polled operation's page: one section per waiter that polls it, with the client helper and the CLI. */
export const waitersSection: OperationSection = (ctx) => {
  const { api, op } = ctx;
  if (!op.waiters.length || !api.model.client) return undefined;
  const html = op.waiters
    .map((w) => {
      const helper = waiterHelper(api, w);
      return `<section class="waiter"><h3 id="${esc(waiterAnchor(w.name))}">${esc(w.name)}</h3><p>${renderInline(w.description)}</p>
<p>Client: <code>${esc(helper)}(client, input, { maxWaitMs, signal })</code> from <code>${esc(api.model.client?.packageName)}</code>. CLI: <code>voicetask ${esc(api.model.cli?.name)} wait ${esc(w.cliName)}</code> with the flags of <code>${esc(op.command)}</code>.</p>
${waiterFacts(ctx, w)}${sampleTabs(
  `${waiterAnchor(w.name)}-samples`,
  waiterSamples(api, op, w).map((s) => ({ label: s.label === "CLI" ? "CLI" : "TypeScript", samples: [s] })),
)}</section>`;
    })
    .join("\n");
  return { id: "waiters", title: "Waiters", html };
};

/** The waiters that follow an operation, with the operation that they poll. */
function waitersAfter(ops: readonly OperationModel[], op: OperationModel) {
  return ops.flatMap((polled) =>
    polled.waiters.filter((w) => op.name in w.after).map((waiter) => ({ polled, waiter })),
  );
}

/** On an operation that a waiter follows: how to wait for its outcome, linking to the waiter's section. */
export const followingWaiters: OperationSection = (ctx) => {
  const { api, op, path } = ctx;
  const found = waitersAfter(api.model.operations, op);
  if (!found.length || !api.model.client) return undefined;
  const html = found
    .map(({ polled, waiter }) => {
      const target = `${href(path, operationPath(api.model, polled))}#${waiterAnchor(waiter.name)}`;
      return `<p>${renderInline(waiter.description)} The <a href="${esc(target)}"><code>${esc(waiter.name)}</code> waiter</a> polls <code>${esc(polled.name)}</code> until then: with the client, <code>${esc(waiterHelper(api, waiter))}</code>; with the CLI, <code>--wait</code>.</p>
${sampleTabs(
  `wait-${waiter.name}-samples`,
  afterSamples(api, op, polled, waiter).map((s) => ({
    label: s.label === "CLI" ? "CLI" : "TypeScript",
    samples: [s],
  })),
)}`;
    })
    .join("\n");
  return { id: "wait", title: "Waiting for the outcome", html };
};
