import { EventParseError, parseCallback, verifyCallback } from "@voicetask/trtc/callbacks";
import { members, type Receiver, type ReceiverOptions } from "./receiver.js";

/** The variable that holds the application's callback key unless `--key-env` names another. */
export const DEFAULT_KEY_ENV = "TRTC_CALLBACK_KEY";

/**
 * TRTC's AI conversation callbacks: the `Sign` header checked against the body with the application's key
 * (`verifyCallback`), the body read against the spec (`parseCallback`). Without a key nothing can be checked:
 * every callback is taken and shown as not verified.
 */
export function trtcCallbacks({ env, input }: ReceiverOptions): Receiver {
  const keyEnv = (input.KeyEnv as string | undefined) ?? DEFAULT_KEY_ENV;
  const key = env[keyEnv]?.trim() || undefined;
  return {
    what: "TRTC callbacks",
    note: key
      ? `Sign checked with the key in ${keyEnv}`
      : `no key in ${keyEnv}: Sign is NOT checked (set it, or name the variable with --key-env)`,
    async take(body, headers) {
      const verified = key === undefined ? undefined : await verifyCallback(body, headers.get("Sign"), key);
      let parsed: ReturnType<typeof parseCallback> | undefined;
      let problem: string | undefined;
      try {
        parsed = parseCallback(body);
      } catch (error) {
        if (!(error instanceof EventParseError)) throw error;
        problem = error.message;
      }
      const info =
        (parsed?.event as { EventType?: unknown; EventInfo?: Record<string, unknown> } | undefined) ?? {};
      const { TaskId, RoomId, Payload } = info.EventInfo ?? {};
      const summary = parsed
        ? `${String(info.EventType)} ${parsed.type} task=${String(TaskId)} room=${String(RoomId)} ${members(Payload)}`.trimEnd()
        : "not a callback";
      if (verified === false)
        return { status: 401, verified, summary, problem: "Sign does not match the body", ...typed(parsed) };
      if (!parsed) return { status: 400, verified, summary, ...(problem ? { problem } : {}) };
      return { status: 200, verified, summary, ...typed(parsed) };
    },
  };
}

const typed = (parsed: { type: string; event: unknown } | undefined) =>
  parsed ? { type: parsed.type, event: parsed.event } : {};
