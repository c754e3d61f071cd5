import { posix } from "node:path";

/** The relative href from one site page to another site path (both relative to the site root). */
export function href(fromPage: string, to: string): string {
  const [target = "", anchor] = to.split("#");
  const rel = posix.relative(posix.dirname(fromPage), target) || posix.basename(target);
  return anchor === undefined ? rel : `${rel}#${anchor}`;
}
