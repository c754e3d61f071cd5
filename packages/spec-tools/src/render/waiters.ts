import type { ApiModel, OperationModel, WaiterModel } from "@voicetask/core";
import { jsdoc, literal } from "./jsdoc.js";

/** `waiters.ts` of a client: the spec's `x-waiters` as data and one `waitUntil<Name>` helper per waiter. */
export function renderWaiters(model: ApiModel): string {
  const polled = model.operations.flatMap((o) => o.waiters.map((w) => [w, o] as const));
  const tencent = model.protocol === "tencent";
  const types = new Set<string>();
  const table: Record<string, object> = {};
  const helpers = polled.map(([w, o]) => {
    const [request, result] = tencent
      ? [`${o.name}Request`, `${o.name}Response`]
      : [`${o.name}Input`, `${o.name}Output`];
    types.add(request).add(result);
    table[w.name] = definition(w);
    return `${helperDoc(w, o)}export function waitUntil${w.name}(
  client: Pick<Methods, ${JSON.stringify(o.methodName)}>,
  ${tencent ? "request" : "input"}: ${request},
  options?: WaitOptions,
): Promise<WaiterResult<${result}>> {
  return waitFor((i, o) => client.${o.methodName}(i, o), ${tencent ? "request" : "input"}, waiters.${w.name}, options);
}
`;
  });
  const imports = polled.length
    ? `import { type WaiterResult, type WaitOptions, waitFor } from "@voicetask/core";
import type { Methods, ${[...types].sort().join(", ")} } from "./methods.js";

`
    : "";
  return `${imports}/** Every waiter of the API: the operation it polls, where the status is, which values end the wait. */
export const waiters = ${literal(table)} as const;
${helpers.length ? `\n${helpers.join("\n")}` : ""}`;
}

function definition(w: WaiterModel) {
  const { name, status, success, failure, goneIsSuccess, delaySeconds, maxAttempts } = w;
  return { name, status, success, failure, goneIsSuccess, delaySeconds, maxAttempts };
}

function helperDoc(w: WaiterModel, o: OperationModel): string {
  const gone = w.goneIsSuccess.length
    ? ` A ${w.goneIsSuccess.join(" or ")} answer also ends it (\`state: "gone"\`).`
    : "";
  const failure = w.failure.length
    ? ` It fails at once (a \`WaiterError\`) on ${w.failure.join(" or ")}.`
    : "";
  return jsdoc(
    `Waits until: ${w.description}\n\nPolls \`${o.methodName}\` every ${w.delaySeconds} s until \`${w.status}\` is ${w.success.join(" or ")}, at most ${w.maxAttempts} times (\`maxWaitMs\` to change; \`signal\` to stop).${gone}${failure}`,
  );
}
