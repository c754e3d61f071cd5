/** An item listed in creation order: `seq` grows with each item a store creates; `gone` once it is removed. */
export interface Sequenced {
  readonly seq: number;
  gone: boolean;
}

/** One page of a listing, and the `seq` to continue after (none when the listing is complete). */
export interface Page<T> {
  items: T[];
  next?: number;
}

/**
 * Items in creation order, for paginated listings whose cursor survives removals: the cursor is the `seq` of
 * the last item shown, found by binary search (O(log n + page)). Removed items are skipped, and compacted
 * away once they are half of the array, so memory follows the live items (amortised O(1) per removal).
 */
export class CreationOrder<T extends Sequenced> {
  private items: T[] = [];
  private removed = 0;

  add(item: T): void {
    this.items.push(item); // seq grows, so the array stays sorted
  }

  /** Call after marking an item `gone`. */
  noteRemoved(): void {
    this.removed++;
    if (this.removed > 64 && this.removed * 2 > this.items.length) {
      this.items = this.items.filter((i) => !i.gone);
      this.removed = 0;
    }
  }

  get live(): number {
    return this.items.length - this.removed;
  }

  /** Up to `limit` live items created after `afterSeq` (all from the start when undefined). */
  page(afterSeq: number | undefined, limit: number): Page<T> {
    const { items } = this;
    let lo = 0;
    if (afterSeq !== undefined) {
      let hi = items.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (items[mid]!.seq <= afterSeq) lo = mid + 1;
        else hi = mid;
      }
    }
    const out: T[] = [];
    let i = lo;
    for (; i < items.length && out.length < limit; i++) if (!items[i]!.gone) out.push(items[i]!);
    while (i < items.length && items[i]!.gone) i++;
    return i < items.length && out.length > 0
      ? { items: out, next: out[out.length - 1]!.seq }
      : { items: out };
  }

  clear(): void {
    this.items = [];
    this.removed = 0;
  }
}
