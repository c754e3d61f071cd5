/**
 * Deadlines on the mock clock: a binary min-heap of (time, item). The stores push the time of an item's next
 * transition and take what is due when a request arrives, so expiry costs O(log n) per transition instead of a
 * walk over every task per request. (`ItemDeadlines` keeps one live deadline per item and drops the stale ones.)
 */
export class Deadlines<T> {
  private times: number[] = [];
  private items: T[] = [];

  get size(): number {
    return this.times.length;
  }

  /** The earliest time in the queue (stale entries included), or undefined when it is empty. */
  peekTime(): number | undefined {
    return this.times[0];
  }

  push(at: number, item: T): void {
    const { times, items } = this;
    let i = times.length;
    times.push(at);
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (times[parent]! <= at) break;
      times[i] = times[parent]!;
      items[i] = items[parent]!;
      i = parent;
    }
    times[i] = at;
    items[i] = item;
  }

  /** Removes and hands over, earliest first, every entry due at `now` (time ≤ now). */
  popDue(now: number, take: (item: T, at: number) => void): void {
    while (this.times.length > 0 && this.times[0]! <= now) {
      const at = this.times[0]!;
      const item = this.items[0]!;
      this.removeTop();
      take(item, at);
    }
  }

  clear(): void {
    this.times = [];
    this.items = [];
  }

  private removeTop(): void {
    const { times, items } = this;
    const lastTime = times.pop()!;
    const lastItem = items.pop()!;
    const n = times.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && times[right]! < times[left]! ? right : left;
      if (times[child]! >= lastTime) break;
      times[i] = times[child]!;
      items[i] = items[child]!;
      i = child;
    }
    times[i] = lastTime;
    items[i] = lastItem;
  }
}

/** An item with one live deadline at a time: the time it was last scheduled for, and whether it is gone. */
export interface Scheduled {
  dueAt: number;
  gone: boolean;
}

/**
 * Deadlines of items that move on: scheduling an item again leaves its earlier entries in the heap, stale, and
 * they are dropped when popped (cheaper than finding and removing them), as are the entries of items that are gone.
 */
export class ItemDeadlines<T extends Scheduled> extends Deadlines<T> {
  /** Makes `at` the item's one live deadline. */
  schedule(item: T, at: number): void {
    item.dueAt = at;
    this.push(at, item);
  }

  /** Hands over, earliest first, every item whose live deadline is due at `now`. */
  popLive(now: number, take: (item: T) => void): void {
    this.popDue(now, (item, at) => {
      if (!item.gone && at === item.dueAt) take(item);
    });
  }
}
