/** Colours only on a TTY, and never when NO_COLOR is set (https://no-color.org). */
export function colours(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv) {
  const on = !!stream.isTTY && !("NO_COLOR" in env && env.NO_COLOR !== "") && env.TERM !== "dumb";
  const wrap = (open: number, close: number) => (text: string) =>
    on ? `\x1b[${open}m${text}\x1b[${close}m` : text;
  return { enabled: on, bold: wrap(1, 22), red: wrap(31, 39), dim: wrap(2, 22), green: wrap(32, 39) };
}
