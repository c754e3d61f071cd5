import type { DocsApi } from "../model/load.js";
import { eventHandlerSamples } from "./event-handlers.js";
import { exampleInput } from "./example-input.js";
import type { Sample } from "./sample.js";
import { typescriptSample } from "./typescript.js";
import { afterSamples, waiterSamples } from "./waiters.js";

/**
 * Every code sample the reference pages show for an API, with a name that says where: the operations', the
 * waiters', the event handlers'. Tests compile the TypeScript ones.
 */
export function siteSamples(api: DocsApi): { name: string; sample: Sample }[] {
  const { model } = api;
  const out: { name: string; sample: Sample }[] = [];
  const add = (name: string, samples: Sample[]) => {
    for (const [i, sample] of samples.entries()) out.push({ name: `${model.name}-${name}-${i}`, sample });
  };
  for (const op of model.operations) {
    add(op.name, [typescriptSample(api, op, exampleInput(op))]);
    if (!model.client) continue;
    for (const waiter of op.waiters) {
      add(`${op.name}-waiter-${waiter.name}`, waiterSamples(api, op, waiter));
      for (const trigger of model.operations.filter((o) => o.name in waiter.after))
        add(`${trigger.name}-then-${waiter.name}`, afterSamples(api, trigger, op, waiter));
    }
  }
  for (const webhook of model.webhooks) {
    add(`${webhook.name}`, eventHandlerSamples(api, webhook));
    for (const variant of webhook.variants)
      add(`${webhook.name}-${variant.name}`, eventHandlerSamples(api, webhook, variant));
  }
  return out;
}
