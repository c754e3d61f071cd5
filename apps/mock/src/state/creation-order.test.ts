import { expect, it } from "vitest";
import { CreationOrder } from "./creation-order.js";

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ seq: i + 1, gone: false }));

it("pages in creation order; a cursor survives the removal of the item it names", () => {
  const order = new CreationOrder<{ seq: number; gone: boolean }>();
  const all = items(10);
  for (const i of all) order.add(i);
  const first = order.page(undefined, 4);
  expect(first.items.map((i) => i.seq)).toEqual([1, 2, 3, 4]);
  expect(first.next).toBe(4);
  all[3]!.gone = true; // the cursor's own item goes
  all[4]!.gone = true;
  order.noteRemoved();
  order.noteRemoved();
  const second = order.page(first.next, 4);
  expect(second.items.map((i) => i.seq)).toEqual([6, 7, 8, 9]);
  const last = order.page(second.next, 4);
  expect(last.items.map((i) => i.seq)).toEqual([10]);
  expect(last.next).toBeUndefined();
  expect(order.live).toBe(8);
});

it("compacts removed items away, so memory follows the live ones", () => {
  const order = new CreationOrder<{ seq: number; gone: boolean }>();
  const all = items(1000);
  for (const i of all) order.add(i);
  for (const i of all.slice(0, 900)) {
    i.gone = true;
    order.noteRemoved();
  }
  expect(order.live).toBe(100);
  expect((order as unknown as { items: unknown[] }).items.length).toBeLessThan(300);
  expect(order.page(undefined, 1000).items.map((i) => i.seq)).toEqual(all.slice(900).map((i) => i.seq));
});
