import type { SpecOperation } from "./openapi.js";

type Segment = { literal: string } | { label: string };

export interface Route {
  op: SpecOperation;
  segments: Segment[];
  /** Literal query pairs that are part of the URI pattern (`?operation=stop`). */
  query: [string, string][];
}

export type RouteMatch =
  | { kind: "match"; route: Route; labels: Record<string, string> }
  | { kind: "bad-label"; route: Route; label: string }
  | { kind: "none" };

export function compileRoutes(ops: SpecOperation[]): Route[] {
  const routes = ops.map((op) => {
    const [path = "", queryText = ""] = op.pathKey.split("?", 2);
    const segments: Segment[] = path
      .split("/")
      .slice(1)
      .map((s) => {
        const m = /^\{([^}]+)\}$/.exec(s);
        return m ? { label: m[1]! } : { literal: s };
      });
    const query = [...new URLSearchParams(queryText)] as [string, string][];
    return { op, segments, query };
  });
  // Routes with literal query pairs are more specific and win over the same path without them.
  return routes.sort((a, b) => b.query.length - a.query.length);
}

/**
 * Matches the raw request target. Labels are percent-decoded per segment, so `%2F` inside a label stays
 * inside that label.
 */
export function matchRoute(routes: Route[], method: string, rawPath: string, rawQuery: string): RouteMatch {
  const parts = rawPath.split("/").slice(1);
  const query = new URLSearchParams(rawQuery);
  for (const route of routes) {
    if (route.op.method !== method || route.segments.length !== parts.length) continue;
    if (!route.query.every(([k, v]) => query.getAll(k).includes(v))) continue;
    const labels: Record<string, string> = {};
    let ok = true;
    let badLabel: string | undefined;
    route.segments.forEach((seg, i) => {
      const raw = parts[i]!;
      if ("literal" in seg) {
        if (raw !== seg.literal) ok = false;
        return;
      }
      try {
        labels[seg.label] = decodeURIComponent(raw);
      } catch {
        badLabel ??= seg.label;
      }
    });
    if (!ok) continue;
    if (badLabel !== undefined) return { kind: "bad-label", route, label: badLabel };
    return { kind: "match", route, labels };
  }
  return { kind: "none" };
}
