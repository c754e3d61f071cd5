/** `YYYY-MM-DD` (UTC) of a Unix time in seconds: the TC3 credential-scope date. */
let memoDay = NaN;
let memoDate = "";

export function utcDateOfSeconds(seconds: number): string {
  const day = Math.floor(seconds / 86_400);
  if (day !== memoDay) {
    memoDate = new Date(day * 86_400_000).toISOString().slice(0, 10);
    memoDay = day;
  }
  return memoDate;
}

/** `YYYYMMDDTHHMMSSZ` (UTC, whole seconds): the SigV4 `X-Amz-Date` form; the last second's text is reused. */
let memoSecond = NaN;
let memoAmzDate = "";

export function amzDate(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== memoSecond) {
    // 2024-01-02T03:04:05.000Z → 20240102T030405Z
    memoAmzDate = new Date(second * 1000).toISOString().replace(/[-:]|\.\d+/g, "");
    memoSecond = second;
  }
  return memoAmzDate;
}

/** Parses `YYYYMMDDTHHMMSSZ`; undefined when malformed. */
export function parseAmzDate(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const ms = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
  return amzDate(ms) === text ? ms : undefined;
}
