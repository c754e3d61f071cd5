import fc from "fast-check";
import { expect, it } from "vitest";
import { Deadlines } from "./deadlines.js";

it("hands over exactly the entries due, earliest first, whatever the order they came in", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 1000 })),
      fc.integer({ min: 0, max: 1000 }),
      (times, now) => {
        const heap = new Deadlines<number>();
        for (const [i, t] of times.entries()) heap.push(t, i);
        const taken: number[] = [];
        heap.popDue(now, (_item, at) => taken.push(at));
        expect(taken).toEqual(times.filter((t) => t <= now).sort((a, b) => a - b));
        expect(heap.size).toBe(times.filter((t) => t > now).length);
      },
    ),
  );
});

it("an entry pushed while taking, for later, waits for its time", () => {
  const heap = new Deadlines<string>();
  heap.push(5, "a");
  const seen: string[] = [];
  heap.popDue(10, (item) => {
    seen.push(item);
    if (item === "a") heap.push(20, "b");
  });
  expect(seen).toEqual(["a"]);
  heap.popDue(20, (item) => seen.push(item));
  expect(seen).toEqual(["a", "b"]);
});
