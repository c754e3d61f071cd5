import type { Middleware } from "openapi-fetch";

export interface ActionInfo {
  name: string;
  path: string;
  action: string;
  rateLimit: number;
  retry: string;
}

export interface TcActionOptions {
  /** Operation by pseudo-path (`/StopAIConversation`). */
  byPath: ReadonlyMap<string, ActionInfo>;
  version: string;
  region: string;
  language: string | undefined;
  /** Receives the rewritten request and its operation, for the sender. */
  record(request: Request, operation: ActionInfo): void;
}

/**
 * Tencent Cloud API 3.0 sends every action as `POST /` with the action in `X-TC-Action`; the spec has one
 * pseudo-path per action instead. This middleware rewrites `POST <base>/StopAIConversation` into
 * `POST <base>/` with `X-TC-Action`, `X-TC-Version`, `X-TC-Region`, `X-TC-Language` and a JSON content type
 * (signing comes after, in the sender).
 */
export function tcActionMiddleware(o: TcActionOptions): Middleware {
  return {
    async onRequest({ request, schemaPath, options }) {
      const op = o.byPath.get(schemaPath);
      if (!op) return undefined;
      const { headers } = request;
      headers.set("X-TC-Action", op.action);
      headers.set("X-TC-Version", o.version);
      headers.set("X-TC-Region", o.region);
      if (o.language) headers.set("X-TC-Language", o.language);
      else headers.delete("X-TC-Language");
      headers.set("Content-Type", "application/json");
      const rewritten = new Request(`${options.baseUrl}/`, {
        method: "POST",
        headers,
        body: (await request.text()) || "{}",
        signal: request.signal,
      });
      o.record(rewritten, op);
      return rewritten;
    },
  };
}
