import { createReadStream, realpathSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, isAbsolute, join, relative, resolve, sep } from "node:path";

/**
 * Where the built docs site is served: under its own prefix, apart from TRTC's `/` (every Tencent request, GET
 * ones included, goes to `/` with a query or signed headers) and the control API's `/_mock/`. No Chime SDK Voice
 * path starts with it.
 */
export const DOCS_PREFIX = "/docs/";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/** Headers of every docs answer: never sniffed, never cached stale, no referrer leaves for other sites. */
const COMMON = {
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "no-cache",
  "Referrer-Policy": "no-referrer",
};

/** The real directory of a built site; throws a clear error when it is not one. */
export function docsRoot(dir: string): string {
  let root: string;
  try {
    root = realpathSync(resolve(dir));
  } catch {
    throw new Error(`--docs ${dir}: no such directory (build the site first: pnpm docs:build)`);
  }
  if (!statSync(join(root, "index.html"), { throwIfNoEntry: false })?.isFile())
    throw new Error(`--docs ${dir}: no index.html there (build the site first: pnpm docs:build)`);
  return root;
}

/**
 * The file a path below the prefix names, or undefined: percent-decoded, a directory answered by its
 * `index.html`, and only ever a regular file inside `root` (no `..`, no symbolic link leading out).
 */
export function resolveDocsFile(root: string, subPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(subPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const inside = (file: string) => {
    const rel = relative(root, file);
    return rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  };
  const regularFile = (file: string) => {
    const real = realpathSync(file);
    return inside(real) && statSync(real).isFile() ? real : undefined;
  };
  const file = resolve(root, `.${sep}${decoded}`);
  if (!inside(file)) return undefined;
  try {
    return statSync(file).isDirectory() ? regularFile(join(file, "index.html")) : regularFile(file);
  } catch {
    return undefined;
  }
}

/**
 * The docs route: answers GET and HEAD under `/docs/` with the site's files (`/docs` is sent to `/docs/`), 405
 * for other methods, 404 for anything else. Answers true when the path was the route's.
 */
export function docsRoute(root: string) {
  return (req: IncomingMessage, res: ServerResponse, rawPath: string): boolean => {
    if (rawPath !== "/docs" && !rawPath.startsWith(DOCS_PREFIX)) return false;
    req.resume();
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { ...COMMON, Allow: "GET, HEAD", "Content-Length": "0" }).end();
      return true;
    }
    if (rawPath === "/docs") {
      res.writeHead(301, { ...COMMON, Location: DOCS_PREFIX, "Content-Length": "0" }).end();
      return true;
    }
    const file = resolveDocsFile(root, rawPath.slice(DOCS_PREFIX.length));
    if (!file) {
      const text = "Not found\n";
      res
        .writeHead(404, {
          ...COMMON,
          "Content-Type": "text/plain; charset=utf-8",
          "Content-Length": text.length,
        })
        .end(req.method === "HEAD" ? undefined : text);
      return true;
    }
    res.writeHead(200, {
      ...COMMON,
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Content-Length": statSync(file).size,
    });
    if (req.method === "HEAD") res.end();
    else
      createReadStream(file)
        .on("error", () => res.destroy())
        .pipe(res);
    return true;
  };
}
