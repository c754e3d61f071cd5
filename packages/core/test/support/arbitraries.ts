import fc from "fast-check";

/** numRuns for property tests: FAST_CHECK_RUNS (CI sets ≥ 1000), default 1000. */
export const numRuns = Number(process.env.FAST_CHECK_RUNS ?? 1000);

const DAY = 86_400;

/** Unix seconds, biased to the seconds around midnight UTC and midnight UTC+8 (16:00 UTC). */
export const unixSeconds = fc.oneof(
  fc.integer({ min: 0, max: 4_102_444_800 }),
  fc
    .tuple(fc.integer({ min: 10_000, max: 40_000 }), fc.integer({ min: -3, max: 3 }))
    .map(([d, s]) => d * DAY + s),
  fc
    .tuple(fc.integer({ min: 10_000, max: 40_000 }), fc.integer({ min: -3, max: 3 }))
    .map(([d, s]) => d * DAY - 8 * 3600 + s),
);

/** Bodies: unicode text (sent as UTF-8) or arbitrary bytes. */
export const bodyBytes = fc.oneof(
  fc
    .string({ unit: "grapheme", maxLength: 200 })
    .map((s) => new TextEncoder().encode(JSON.stringify({ Text: s }))),
  fc.string({ unit: "grapheme", maxLength: 200 }).map((s) => new TextEncoder().encode(s)),
  fc.uint8Array({ maxLength: 300 }),
);

/** A port, or none (the scheme's default). */
export const port = fc.option(
  fc.integer({ min: 1, max: 65_535 }).filter((p) => p !== 443 && p !== 80),
  {
    nil: undefined,
  },
);

export const secret = fc.string({ minLength: 1, maxLength: 60, unit: "grapheme" });
export const keyId = fc.stringMatching(/^[A-Za-z0-9]{8,40}$/);

/** Chime-style labels: spaces, slashes, unicode, RFC 3986 reserved characters, dots. */
export const label = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 24 }),
  fc.constantFrom("id with/slash", " ", "a+b", "~tilde", "ümlaut-ç", "日本語", "(x)!*'", "%41", "..", "."),
);
