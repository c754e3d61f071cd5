import type { RestWire } from "@voicetask/core";

type Segment = { literal: string } | { label: string };

export interface Route<T> {
  target: T;
  method: string;
  segments: Segment[];
  /** Literal query pairs that are part of the URI pattern (`?operation=stop`). */
  query: readonly (readonly [string, string])[];
}

export type RouteMatch<T> =
  | { kind: "match"; route: Route<T>; labels: Record<string, string>; query: URLSearchParams }
  | { kind: "bad-label"; route: Route<T>; label: string; query: URLSearchParams }
  | { kind: "none" };

/** Routes from each operation's REST wire form: method, path template and literal query. */
export function compileRoutes<T>(targets: readonly T[], wireOf: (target: T) => RestWire): Route<T>[] {
  const routes = targets.map((target) => {
    const wire = wireOf(target);
    const segments: Segment[] = wire.path
      .split("/")
      .slice(1)
      .map((s) => {
        const m = /^\{([^}]+)\}$/.exec(s);
        return m ? { label: m[1]! } : { literal: s };
      });
    return { target, method: wire.method, segments, query: wire.literalQuery };
  });
  // Routes with literal query pairs are more specific and win over the same path without them.
  return routes.sort((a, b) => b.query.length - a.query.length);
}

/**
 * Matches the raw request target. Labels are percent-decoded per segment, so `%2F` inside a label stays
 * inside that label. The parsed query comes back with the match, for the operation's query parameters.
 */
export function matchRoute<T>(
  routes: readonly Route<T>[],
  method: string,
  rawPath: string,
  rawQuery: string,
): RouteMatch<T> {
  const parts = rawPath.split("/").slice(1);
  const query = new URLSearchParams(rawQuery);
  for (const route of routes) {
    if (route.method !== method || route.segments.length !== parts.length) continue;
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
    if (badLabel !== undefined) return { kind: "bad-label", route, label: badLabel, query };
    return { kind: "match", route, labels, query };
  }
  return { kind: "none" };
}
