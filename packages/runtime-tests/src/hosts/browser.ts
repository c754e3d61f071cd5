// Host of a program in a page: the run's config is `window.__runConfig`; the outcome lands in `window.__outcome`.
import type { RunConfig } from "../in-runtime/config.js";
import { outcome } from "../in-runtime/outcome.js";

export function inPage(program: (config: RunConfig) => Promise<unknown>): void {
  const page = window as unknown as { __runConfig: RunConfig; __outcome?: unknown };
  void outcome(() => program(page.__runConfig)).then((result) => {
    page.__outcome = result;
  });
}
