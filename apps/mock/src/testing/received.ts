import {
  type OperationName as ChimeOperation,
  operations as chimeOperations,
} from "@voicetask/chime-sdk-voice";
import { isSecretName, redactJson } from "@voicetask/core";
import type { JournalEntry } from "../journal.js";

type Entries = Record<string, unknown>;

/** A runner's asymmetric matcher (`expect.any(String)`, `expect.stringContaining(…)`). */
const isAsymmetric = (v: unknown): boolean =>
  v !== null &&
  typeof v === "object" &&
  typeof (v as { asymmetricMatch?: unknown }).asymmetricMatch === "function";

/** A plain object (JSON's, or the redactor's prototype-less copy), walked member by member. */
const isRecord = (v: unknown): v is Entries => {
  if (v === null || typeof v !== "object" || Array.isArray(v) || isAsymmetric(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

const holdsMatcher = (v: unknown): boolean =>
  isAsymmetric(v) ||
  (Array.isArray(v) && v.some(holdsMatcher)) ||
  (isRecord(v) && Object.values(v).some(holdsMatcher));

/**
 * The expected input as the journal would show it: secret members replaced by core's redactor (the journal's
 * own rule), asymmetric matchers kept. The journal never holds a secret, so a secret member matches any value.
 */
export function asJournaled(expected: unknown): unknown {
  if (!holdsMatcher(expected)) return redactJson(expected);
  if (isAsymmetric(expected)) return expected;
  if (Array.isArray(expected)) return expected.map(asJournaled);
  const out: Entries = {};
  for (const [k, v] of Object.entries(expected as Entries)) {
    out[k] = isSecretName(k) && !isAsymmetric(v) ? (redactJson({ [k]: v }) as Entries)[k] : asJournaled(v);
  }
  return out;
}

/** Whether `expected` names a secret member anywhere (whose value the journal cannot show). */
export function namesSecret(expected: unknown): boolean {
  if (Array.isArray(expected)) return expected.some(namesSecret);
  if (!isRecord(expected)) return false;
  return Object.entries(expected).some(([k, v]) => isSecretName(k) || namesSecret(v));
}

/**
 * Whether `actual` contains `expected` as `toMatchObject` does: objects may have more members, arrays must have
 * the same length, anything else (asymmetric matchers included) is compared by the runner's `equals`.
 */
export function contains(
  actual: unknown,
  expected: unknown,
  equals: (a: unknown, b: unknown) => boolean,
): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => contains(actual[i], e, equals))
    );
  }
  if (isRecord(expected)) {
    return (
      isRecord(actual) &&
      Object.keys(expected).every((k) => Object.hasOwn(actual, k) && contains(actual[k], expected[k], equals))
    );
  }
  return equals(actual, expected);
}

const decode = (label: string) => {
  try {
    return decodeURIComponent(label);
  } catch {
    return label;
  }
};

/**
 * The input a journal entry shows: the body's members, and for Chime SDK Voice the path labels next to them
 * (`VoiceConnectorId`, `SpeakerSearchTaskId`), as the client's and the AWS SDK's command input has them.
 */
export function inputOf(entry: JournalEntry): Entries {
  const body = isRecord(entry.body) ? entry.body : {};
  if (entry.provider !== "chime" || !entry.operation || !Object.hasOwn(chimeOperations, entry.operation)) {
    return body;
  }
  const template = chimeOperations[entry.operation as ChimeOperation].path.split("?")[0]!.split("/");
  const parts = entry.path.split("?")[0]!.split("/");
  const labels: Entries = {};
  template.forEach((segment, i) => {
    const label = /^\{(.+)\}$/.exec(segment)?.[1];
    if (label !== undefined && parts[i] !== undefined) labels[label] = decode(parts[i]);
  });
  return { ...labels, ...body };
}
