// What a `listen` command receives: TRTC's signed callbacks or Chime's EventBridge events. The server
// (server.ts) hands each request's body and headers to the receiver and prints what it answers.

/** What the receiver made of one request. */
export interface Received {
  /** The answer when nothing is forwarded: 200 taken, 400 not an event, 401 wrong Sign. */
  status: 200 | 400 | 401;
  /** True or false when a Sign was checked; undefined when there is nothing to check (no key, or unsigned events). */
  verified: boolean | undefined;
  /** The variant the spec names (`TaskStartedEvent`), when the body is an event. */
  type?: string;
  /** The event as read, when it is one. */
  event?: unknown;
  /** The few words of a readable line: `901 TaskStartedEvent task=… Status=0`. */
  summary: string;
  /** Why it was refused (a wrong Sign, a member that breaks the spec). */
  problem?: string;
}

export interface Receiver {
  /** `TRTC callbacks`, for the start line. */
  what: string;
  /** How requests are checked, for the start line (`Sign checked with the key in TRTC_CALLBACK_KEY`). */
  note: string;
  take(body: Uint8Array, headers: Headers): Promise<Received>;
}

/** The options a receiver is made from (flags already validated). */
export interface ReceiverOptions {
  env: NodeJS.ProcessEnv;
  input: Record<string, unknown>;
}

export type ReceiverFactory = (options: ReceiverOptions) => Receiver;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** `Status=0 UserId=u_1 Text="hello there"`: the members of an object as a line (objects and lists as JSON). */
export function members(value: unknown): string {
  if (!isObject(value)) return value === undefined ? "" : JSON.stringify(value);
  return Object.entries(value)
    .map(([k, v]) => {
      const text =
        typeof v === "string" ? (/^[\w.:/@+-]+$/.test(v) ? v : JSON.stringify(v)) : JSON.stringify(v);
      return `${k}=${text}`;
    })
    .join(" ");
}
