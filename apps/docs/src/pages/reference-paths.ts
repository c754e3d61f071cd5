import type { ApiModel, OperationModel, WebhookVariantModel } from "@voicetask/core";

export const referenceIndexPath = "reference/index.html";

export function apiPath(api: ApiModel): string {
  return `reference/${api.name}/index.html`;
}

export function operationPath(api: ApiModel, op: OperationModel): string {
  return `reference/${api.name}/${op.name}.html`;
}

/** The page of an API's events: its webhooks, how to receive them, every event type. */
export function eventsPath(api: ApiModel): string {
  return `reference/${api.name}/events/index.html`;
}

/** The page of one event type (a webhook's variant). */
export function eventPath(api: ApiModel, variant: WebhookVariantModel): string {
  return `reference/${api.name}/events/${variant.name}.html`;
}

/** The anchor of a waiter's section on the polled operation's page. */
export function waiterAnchor(name: string): string {
  return `waiter-${name}`;
}

/** The "Try it" script of an API's operation pages: its client's request builder and signer, bundled. */
export function tryItScriptPath(api: ApiModel): string {
  return `assets/try-it-${api.name}.js`;
}
