import type { OperationModel, SchemaModel, WaiterModel } from "@voicetask/core";
import type { DocsApi } from "../model/load.js";
import { cliCommand } from "./cli.js";
import { clientSetup } from "./client-setup.js";
import { exampleInput } from "./example-input.js";
import { jsLiteral } from "./js-literal.js";
import type { Sample } from "./sample.js";
import { clientCall } from "./typescript.js";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The client's helper of a waiter (`waitUntilTaskRunning`); the build fails when the client lacks it. */
export function waiterHelper(api: DocsApi, waiter: WaiterModel): string {
  const helper = `waitUntil${waiter.name}`;
  if (!api.clientExports.has(helper))
    throw new Error(`${api.model.client?.packageName} does not export ${helper} (waiter ${waiter.name})`);
  return helper;
}

/** `120000` → `120_000`, as a person writes milliseconds. */
const ms = (value: number) => String(value).replace(/\B(?=(\d{3})+$)/g, "_");

/** The longest wait by default: the delay times the attempts, in ms. */
export const defaultWaitMs = (waiter: WaiterModel) => waiter.delaySeconds * waiter.maxAttempts * 1000;

const outcomeLine = 'console.log(outcome.state === "gone" ? outcome.code : outcome.status);';

/** The samples of waiting with a waiter, on the polled operation's page: the client helper and `wait`. */
export function waiterSamples(api: DocsApi, polled: OperationModel, waiter: WaiterModel): Sample[] {
  const helper = waiterHelper(api, waiter);
  const client = api.model.client;
  const input = exampleInput(polled).value;
  const ts = `import { ${client?.factory}, ${helper} } from "${client?.packageName}";

${clientSetup(api)}

// Polls ${polled.methodName} every ${waiter.delaySeconds} s, at most ${waiter.maxAttempts} times. \`maxWaitMs\` bounds the wait instead;
// \`signal\` ends it early (an AbortError), e.g. when the caller goes away.
const stop = new AbortController();
const outcome = await ${helper}(
  client,
  ${jsLiteral(input, "  ")},
  { maxWaitMs: ${ms(defaultWaitMs(waiter))}, signal: stop.signal },
);
${outcomeLine}`;
  const cli = cliCommand(api, polled, input);
  cli[0] = `voicetask ${api.model.cli?.name} wait ${waiter.cliName}`;
  return [
    { label: "TypeScript client", language: "ts", code: ts },
    {
      label: "CLI",
      language: "sh",
      code: cli.join(" \\\n  "),
      note: `\`--wait-timeout\` (seconds, default ${defaultWaitMs(waiter) / 1000}) and \`--wait-interval\` (default ${waiter.delaySeconds}) change the pace.`,
    },
  ];
}

/**
 * The TypeScript expression of one member of the polled input after `trigger`: `input.<path>` is the example's
 * value, `output.<path>` reads the trigger's result (`result.SpeakerSearchTask!.SpeakerSearchTaskId!`, asserted
 * where the result's schema leaves a member optional and the polled operation requires it).
 */
function source(
  path: string,
  input: Record<string, unknown>,
  output: SchemaModel | undefined,
  required: boolean,
) {
  const [from, ...keys] = path.split(".");
  if (from === "input") {
    let value: unknown = input;
    for (const key of keys) value = isRecord(value) ? value[key] : undefined;
    return jsLiteral(value);
  }
  let schema: unknown = output;
  let expression = "result";
  for (const key of keys) {
    const optional = !(isRecord(schema) && Array.isArray(schema.required) && schema.required.includes(key));
    schema = isRecord(schema) && isRecord(schema.properties) ? schema.properties[key] : undefined;
    expression += `.${key}${optional && required ? "!" : ""}`;
  }
  return expression;
}

/** The samples of waiting after `trigger` (on its page): its call, then the waiter with what the call gave. */
export function afterSamples(
  api: DocsApi,
  trigger: OperationModel,
  polled: OperationModel,
  waiter: WaiterModel,
): Sample[] {
  const helper = waiterHelper(api, waiter);
  const client = api.model.client;
  const input = exampleInput(trigger).value;
  const { call, helpers } = clientCall(api, trigger, input);
  const mapping = waiter.after[trigger.name] ?? {};
  const members = Object.entries(mapping).map(([member, path]) => {
    const required = polled.fields.find((f) => f.name === member)?.required ?? false;
    return `  ${member}: ${source(path, input, trigger.outputSchema, required)},`;
  });
  const ts = `import { ${[client?.factory, ...helpers, helper].join(", ")} } from "${client?.packageName}";

${clientSetup(api)}

const result = await ${call};
const outcome = await ${helper}(client, {
${members.join("\n")}
});
${outcomeLine}`;
  const cli = [...cliCommand(api, trigger, input), "--wait"];
  return [
    { label: "TypeScript client", language: "ts", code: ts },
    { label: "CLI", language: "sh", code: cli.join(" \\\n  ") },
  ];
}
