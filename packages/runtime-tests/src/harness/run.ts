import type { CallsResult } from "../in-runtime/concurrent.js";
import type { Outcome } from "../in-runtime/outcome.js";

/** A runtime in one configuration (Deno's permissions, a Worker's compatibility flags): a row of the table. */
export type Row =
  | "node"
  | "deno"
  | "deno --allow-env --allow-sys"
  | "bun"
  | "workerd"
  | "workerd nodejs_compat"
  | "chromium";

/** What one row came to: our suite (its detail: an outcome per case) and each official SDK's lifecycle. */
export interface RuntimeRun {
  row: Row;
  /** The row's label in the table, e.g. `Deno 2.9.6, \`--allow-env --allow-sys\``. */
  label: string;
  /** The runtime's version as it reports it. */
  version: string;
  ours: Outcome;
  officialTrtc: Outcome;
  officialAws: Outcome;
  /**
   * workerd: two overlapping requests × 25 calls on one account, then later calls; the mock's throttles, the
   * most calls it saw arrive within one second, and workerd's warnings that a promise of one request was
   * settled from another request's context.
   */
  overlappingRequests?: {
    first: CallsResult;
    second: CallsResult;
    later: CallsResult;
    throttled: number;
    busiestSecond: number;
    crossRequestWarnings: number;
  };
}
