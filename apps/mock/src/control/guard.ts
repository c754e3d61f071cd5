import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** Why a control request is refused: the answer's status, error code and message. */
export interface Refusal {
  status: 401 | 403 | 415;
  code: "Unauthorized" | "Forbidden" | "UnsupportedMediaType";
  message: string;
}

export interface ControlGuardOptions {
  /** The address the mock listens on: a specific name or address is accepted as a `Host` too. */
  host: string;
  /** More host names to accept; `*` accepts any. */
  hosts?: readonly string[];
  /** When set, requests must carry `Authorization: Bearer <token>`. */
  token?: string;
}

const WILDCARD_ADDRESSES = new Set(["0.0.0.0", "::", "[::]", ""]);

/** Loopback names: `localhost` (and `*.localhost`, RFC 6761), 127.0.0.0/8, `::1` (also IPv4-mapped). */
export function isLoopbackName(name: string): boolean {
  return (
    name === "localhost" ||
    name.endsWith(".localhost") ||
    /^127(\.\d{1,3}){3}$/.test(name) ||
    name === "::1" ||
    /^::ffff:127(\.\d{1,3}){3}$/.test(name)
  );
}

/** The host name of a `Host` value or an origin's authority, lower case, without port, brackets or final dot. */
export function hostName(authority: string): string {
  let name = authority.trim().toLowerCase();
  if (name.startsWith("[")) name = name.slice(1, name.indexOf("]") < 0 ? undefined : name.indexOf("]"));
  else if (name.lastIndexOf(":") > 0 && name.indexOf(":") === name.lastIndexOf(":"))
    name = name.slice(0, name.lastIndexOf(":"));
  return name.endsWith(".") ? name.slice(0, -1) : name;
}

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * Who may drive the control API: a test suite on this machine, not a web page. A browser page can make
 * requests to loopback addresses; this refuses them however they come: under a name of the attacker's (DNS
 * rebinding: the `Host` is not a loopback or configured name), from another site (`Origin`,
 * `Sec-Fetch-Site`), or as a "simple" cross-site request (a body that is not JSON). An optional token closes
 * the API to anyone who does not hold it.
 */
export class ControlGuard {
  private readonly names = new Set<string>();
  private readonly anyHost: boolean;
  private readonly token?: Buffer;

  constructor(o: ControlGuardOptions) {
    const configured = [...(o.hosts ?? [])];
    if (!WILDCARD_ADDRESSES.has(o.host)) configured.push(o.host);
    this.anyHost = configured.includes("*");
    for (const h of configured) if (h !== "*") this.names.add(hostName(h));
    if (o.token !== undefined) this.token = digest(o.token);
  }

  private allowedName(name: string): boolean {
    return this.anyHost || isLoopbackName(name) || this.names.has(name);
  }

  /** The refusal of a control request, or undefined when it may proceed. */
  check(req: IncomingMessage): Refusal | undefined {
    const host = req.headers.host;
    if (host !== undefined && !this.allowedName(hostName(host))) {
      return {
        status: 403,
        code: "Forbidden",
        message: `The control API answers loopback host names and the ones it is given (--control-host), not ${hostName(host).slice(0, 100)}.`,
      };
    }
    // Browsers mark what a page sends (`Origin`, `Sec-Fetch-Site`); the mock serves no page, so a request
    // sent by one is another site's. A URL typed in the address bar (`Sec-Fetch-Site: none`) is fine.
    const site = req.headers["sec-fetch-site"];
    if (req.headers.origin !== undefined || (site !== undefined && site !== "none")) {
      return {
        status: 403,
        code: "Forbidden",
        message: "The control API does not answer requests from web pages of other sites.",
      };
    }
    if (this.token && !this.carriesToken(req.headers.authorization)) {
      return {
        status: 401,
        code: "Unauthorized",
        message: "This mock's control API needs `Authorization: Bearer <control token>`.",
      };
    }
    const type = req.headers["content-type"];
    const hasBody =
      req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
    if (type !== undefined ? !/^application\/json\s*(;|$)/i.test(type) : hasBody) {
      return {
        status: 415,
        code: "UnsupportedMediaType",
        message: `Control requests with a body must be Content-Type: application/json, not ${(type ?? "none").slice(0, 100)}.`,
      };
    }
    return undefined;
  }

  private carriesToken(authorization: string | undefined): boolean {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
    return m !== null && timingSafeEqual(digest(m[1]!), this.token!);
  }
}
