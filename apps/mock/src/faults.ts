/** How often a fault applies: what every kind of fault (operations, event deliveries) has in common. */
export interface FaultDraw {
  /** Probability (0..1) that a request is affected; default 1. */
  rate?: number;
  /** How many more requests may be affected; unlimited when absent. */
  times?: number;
  /** Seed of the deterministic random source used with `rate`. */
  seed?: number;
}

/** A fault injected into one operation through the control API. */
export interface FaultSpec extends FaultDraw {
  /** Extra delay before the answer, in ms. */
  latencyMs?: number;
  /** Answer with this provider error code (TRTC code or Chime error shape name). */
  errorCode?: string;
  errorMessage?: string;
  /** HTTP status for a Chime error whose shape the spec does not list for the operation. */
  httpStatus?: number;
  /** Close the connection without an answer. */
  drop?: boolean;
}

/** A fault in force: its spec, what it applies to (an operation, or a delivery target) and its hits. */
export type Fault<S extends FaultDraw = FaultSpec> = S & {
  operation: string;
  /** How many requests this fault has affected so far. */
  hits: number;
};

/** mulberry32: a tiny deterministic PRNG so failure rates are reproducible by seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Faults by what they apply to (an operation name; a delivery target such as `trtc:1400000001`). */
export class FaultTable<S extends FaultDraw = FaultSpec> {
  private readonly faults = new Map<string, { fault: Fault<S>; random: () => number }>();

  set(operation: string, spec: S): Fault<S> {
    const fault = { ...spec, operation, hits: 0 } as Fault<S>;
    this.faults.set(operation, { fault, random: prng(spec.seed ?? 1) });
    return fault;
  }

  delete(operation: string): boolean {
    return this.faults.delete(operation);
  }

  clear(): void {
    this.faults.clear();
  }

  list(): Fault<S>[] {
    return [...this.faults.values()].map((f) => ({ ...f.fault }));
  }

  /** The fault to apply to this request of `operation`, if any (counts the hit). */
  draw(operation: string): Fault<S> | undefined {
    const entry = this.faults.get(operation);
    if (!entry) return undefined;
    const { fault } = entry;
    if (fault.times !== undefined && fault.hits >= fault.times) return undefined;
    if (entry.random() >= (fault.rate ?? 1)) return undefined;
    fault.hits++;
    return fault;
  }
}
