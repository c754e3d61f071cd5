import type { InputOf as ChimeInputOf, OperationName as ChimeOperation } from "@voicetask/chime-sdk-voice";
import type { OperationName as TrtcOperation, RequestOf as TrtcRequestOf } from "@voicetask/trtc";
import type { JournalEntry } from "../journal.js";
import { asJournaled, contains, inputOf, namesSecret } from "./received.js";
import { readJournal } from "./remote.js";

/** A TRTC action or a Chime SDK Voice operation, as the journal names them. */
export type MockOperation = TrtcOperation | ChimeOperation;

/** The input of an operation: TRTC's request body; Chime's path labels and body members. */
export type OperationInput<O extends MockOperation> = O extends TrtcOperation
  ? TrtcRequestOf<O>
  : O extends ChimeOperation
    ? ChimeInputOf<O>
    : never;

/** A runner's asymmetric matcher (`expect.any(String)`; Jest's `expect` package types them so). */
interface AsymmetricMatcherLike {
  asymmetricMatch(other: unknown): boolean;
}

type Partially<T> =
  | AsymmetricMatcherLike
  | (T extends readonly (infer E)[]
      ? readonly Partially<E>[]
      : T extends object
        ? { [K in keyof T]?: Partially<T[K]> }
        : T);

/** Some of an operation's input, at any depth; asymmetric matchers fit anywhere. */
export type PartialInput<O extends MockOperation> = Partially<OperationInput<O>>;

/**
 * The journal matchers, for `expect(mock)` where `mock` is `mockFromEnv()`, a `startMockServer()` result or the
 * mock's URL. They read the journal over HTTP, so they are async: `await expect(mock).toHaveReceived(…)`.
 */
export interface MockMatchers<R = unknown> {
  /** The mock received at least one `operation` request whose input contains `input` (as `toMatchObject`). */
  toHaveReceived<O extends MockOperation>(operation: O, input?: PartialInput<O>): Promise<R>;
  /** The mock received exactly `times` `operation` requests whose input contains `input`. */
  toHaveReceivedTimes<O extends MockOperation>(
    operation: O,
    times: number,
    input?: PartialInput<O>,
  ): Promise<R>;
}

/** What the matchers use of the runner's matcher context (Jest's and Vitest's both have it). */
export interface MatcherContext {
  isNot: boolean;
  promise?: string;
  equals(a: unknown, b: unknown): boolean;
  utils: {
    matcherHint(
      name: string,
      received?: string,
      expected?: string,
      options?: { isNot?: boolean; promise?: string },
    ): string;
    printExpected(value: unknown): string;
    printReceived(value: unknown): string;
  };
}

export interface MatcherResult {
  pass: boolean;
  message: () => string;
}

/** Entries shown in a failure message; the latest ones when there are more. */
const SHOWN = 10;

async function journalOf(mock: unknown, matcher: string): Promise<JournalEntry[]> {
  const url = typeof mock === "string" ? mock : (mock as { url?: unknown } | null)?.url;
  if (typeof url !== "string" || !/^https?:\/\//.test(url)) {
    throw new TypeError(
      `${matcher}: expect(mock) needs the mock: mockFromEnv(), a startMockServer() result or its http:// URL`,
    );
  }
  const token = (mock as { controlToken?: unknown } | null)?.controlToken;
  return readJournal(typeof token === "string" ? { url, controlToken: token } : url);
}

const plural = (n: number, what: string) => `${n} ${what} request${n === 1 ? "" : "s"}`;

/** The numbered requests of a failure message (the latest {@link SHOWN}): status, error code, input. */
function listRequests(utils: MatcherContext["utils"], requests: JournalEntry[]): string {
  const lines = requests.slice(-SHOWN).map((e, i, shown) => {
    const n = requests.length - shown.length + i + 1;
    const input = utils.printReceived(inputOf(e)).replaceAll("\n", "\n     ");
    return `  ${n}. ${e.status}${e.errorCode ? ` ${e.errorCode}` : ""} ${input}`;
  });
  if (requests.length > SHOWN) lines.unshift(`  (${requests.length - SHOWN} earlier not shown)`);
  return lines.join("\n");
}

/** What the journal holds, as a failure message shows it. */
function describeReceived(
  ctx: MatcherContext,
  entries: JournalEntry[],
  operation: string,
  ofOperation: JournalEntry[],
  matching: JournalEntry[],
  counting: boolean,
): string {
  if (ofOperation.length === 0) {
    const counts = new Map<string, number>();
    for (const { operation: op = "(unknown operation)" } of entries)
      counts.set(op, (counts.get(op) ?? 0) + 1);
    const summary = [...counts].map(([op, n]) => `${n} ${op}`).join(", ");
    return `no ${operation} request; the journal holds ${entries.length === 0 ? "none" : summary}`;
  }
  if (ctx.isNot || counting) {
    const shown = matching.length > 0 ? matching : ofOperation;
    return `${matching.length} matching, of ${plural(ofOperation.length, operation)}:\n${listRequests(ctx.utils, shown)}`;
  }
  return `${plural(ofOperation.length, operation)}, none matching:\n${listRequests(ctx.utils, ofOperation)}`;
}

/** Checks the journal's `entries` for `operation` requests containing `input` (exactly `times` of them, if given). */
function judge(
  ctx: MatcherContext,
  matcher: string,
  entries: JournalEntry[],
  operation: string,
  input: unknown,
  times: number | undefined,
): MatcherResult {
  const ofOperation = entries.filter((e) => e.operation === operation);
  // Compared (and printed) as the journal shows it: secrets redacted.
  const expected = input === undefined ? undefined : asJournaled(input);
  const matching =
    expected === undefined
      ? ofOperation
      : ofOperation.filter((e) => contains(inputOf(e), expected, (a, b) => ctx.equals(a, b)));
  const pass = times === undefined ? matching.length > 0 : matching.length === times;

  const message = () => {
    const { utils, isNot } = ctx;
    const expectedText =
      (times === undefined ? (isNot ? "no" : "a") : String(times)) +
      ` ${operation} request${times === undefined || times === 1 ? "" : "s"}` +
      (expected === undefined ? "" : ` with input containing ${utils.printExpected(expected)}`);
    const received = describeReceived(ctx, entries, operation, ofOperation, matching, times !== undefined);
    const note =
      input !== undefined && namesSecret(input)
        ? "\n\nSecret members (*Key, *Secret*, *Token*, UserSig, …) are redacted in the journal: they match any value."
        : "";
    const args = times === undefined ? "operation, input" : "operation, times, input";
    return (
      `${utils.matcherHint(matcher, "mock", args, { isNot, promise: ctx.promise })}\n\n` +
      `Expected: ${expectedText}\nReceived: ${received}${note}`
    );
  };
  return { pass, message };
}

function checkArguments(matcher: string, operation: unknown, input: unknown, times?: unknown): void {
  if (typeof operation !== "string" || operation === "") {
    throw new TypeError(`${matcher}: operation must be an operation name such as "StopAIConversation"`);
  }
  if (input !== undefined && (input === null || typeof input !== "object" || Array.isArray(input))) {
    throw new TypeError(`${matcher}: input must be an object of the operation's input members`);
  }
  if (times !== undefined && !(typeof times === "number" && Number.isInteger(times) && times >= 0)) {
    throw new TypeError(`${matcher}: times must be a whole number of 0 or more`);
  }
}

/** The matchers for `expect.extend` (Jest and Vitest alike); `@voicetask/mock/{vitest,jest}` install them. */
export const mockMatchers = {
  async toHaveReceived(
    this: MatcherContext,
    mock: unknown,
    operation: string,
    input?: object,
  ): Promise<MatcherResult> {
    checkArguments("toHaveReceived", operation, input);
    const entries = await journalOf(mock, "toHaveReceived");
    return judge(this, "toHaveReceived", entries, operation, input, undefined);
  },
  async toHaveReceivedTimes(
    this: MatcherContext,
    mock: unknown,
    operation: string,
    times: number,
    input?: object,
  ): Promise<MatcherResult> {
    checkArguments("toHaveReceivedTimes", operation, input, times);
    const entries = await journalOf(mock, "toHaveReceivedTimes");
    return judge(this, "toHaveReceivedTimes", entries, operation, input, times);
  },
};
