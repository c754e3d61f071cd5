import type { IncomingMessage, ServerResponse } from "node:http";

/** The page origins allowed to call the provider routes from a browser: any (`*`) or the listed ones. */
export type CorsOrigins = "*" | readonly string[];

/**
 * Answer headers a page may read. Not CORS-safelisted, yet the clients read them: `Date` (clock-skew
 * correction), `Retry-After` (throttling), `x-amzn-RequestId` and `x-amzn-ErrorType` (Chime errors).
 */
const EXPOSED_HEADERS = "Date, Retry-After, x-amzn-RequestId, x-amzn-ErrorType";
const ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
/** How long a browser may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE = "600";

/**
 * Checks the `cors` option (or `--cors`): `*` alone, or origins (`http://localhost:3000`; scheme, host and
 * optional port; a comma-separated string or a list). Answers them normalised as browsers send `Origin`.
 */
export function parseCorsOrigins(value: string | readonly string[], name = "cors"): CorsOrigins {
  const list = (typeof value === "string" ? value.split(",") : [...value]).map((o) => o.trim());
  if (list.length === 1 && list[0] === "*") return "*";
  if (list.length === 0 || list.includes(""))
    throw new RangeError(
      `${name} must be * or a comma-separated list of origins such as http://localhost:3000`,
    );
  return list.map((origin) => {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      // reported below
    }
    const bare = url && url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
    if (!url || !bare || (url.protocol !== "http:" && url.protocol !== "https:")) {
      throw new RangeError(
        `${name}: ${JSON.stringify(origin.slice(0, 200))} is not an origin such as http://localhost:3000 ` +
          "(http or https, host and optional port, no path; or * alone)",
      );
    }
    return url.origin;
  });
}

/**
 * The CORS step of the provider routes. Requests without an `Origin`, or from an origin that is not allowed,
 * pass untouched (a browser then refuses the answer). For an allowed origin it answers a preflight itself
 * (true: the request is done) or sets the headers the provider's answer will carry (false).
 */
export function corsStep(origins: CorsOrigins): (req: IncomingMessage, res: ServerResponse) => boolean {
  const allowed = origins === "*" ? undefined : new Set(origins);
  return (req, res) => {
    const origin = req.headers.origin;
    if (origin === undefined || (allowed !== undefined && !allowed.has(origin))) return false;
    const allowOrigin = allowed === undefined ? "*" : origin;
    if (req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined) {
      req.resume();
      const headers: Record<string, string> = {
        "Access-Control-Allow-Origin": allowOrigin,
        "Access-Control-Allow-Methods": ALLOWED_METHODS,
        "Access-Control-Max-Age": PREFLIGHT_MAX_AGE,
        Vary: "Origin, Access-Control-Request-Headers",
      };
      // Echoed, because `*` does not cover `Authorization` and the signed X-TC-* / X-Amz-* headers vary.
      const requested = req.headers["access-control-request-headers"];
      if (requested) headers["Access-Control-Allow-Headers"] = requested;
      res.writeHead(204, headers).end();
      return true;
    }
    res.setHeader("Access-Control-Allow-Origin", allowOrigin);
    res.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    if (allowed !== undefined) res.setHeader("Vary", "Origin");
    return false;
  };
}
