#!/usr/bin/env node
import { banner } from "./banner.js";
import { parseCliOptions, USAGE, UsageError } from "./cli-options.js";
import { startMockServer } from "./server.js";

async function main(): Promise<void> {
  let options: ReturnType<typeof parseCliOptions>;
  try {
    options = parseCliOptions(process.argv.slice(2), process.env);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`voicetask-mock: ${e.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (options === "help") {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const mock = await startMockServer(options);
  process.stdout.write(
    banner(mock, typeof options.credentials === "string" ? options.credentials : undefined),
  );
  // Ctrl-C (SIGINT) or a supervisor's SIGTERM is how the mock is meant to end: close and exit 0, so that the
  // runners above it (pnpm, turbo) report a stop, not a failure. A second signal exits without waiting.
  let closing = false;
  const stop = () => {
    if (closing) process.exit(0);
    closing = true;
    mock.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`voicetask-mock: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
