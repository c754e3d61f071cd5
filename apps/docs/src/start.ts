import { existsSync } from "node:fs";
import { join } from "node:path";
import { build } from "./build.js";
import { distDir } from "./paths.js";
import { createStaticServer, listen } from "./serve.js";

/** `pnpm start`: serves the built site on 127.0.0.1:4011 (DOCS_PORT overrides), building it first if needed. */
const port = Number(process.env.DOCS_PORT ?? 4011);
if (!existsSync(join(distDir, "index.html"))) await build();
const server = createStaticServer(distDir);
const url = await listen(server, port);
console.log(`voicetask docs: ${url}`);
// Ctrl-C (SIGINT) or a supervisor's SIGTERM is how the server is meant to end: close open connections too (a
// browser keeps some alive) and exit 0, so the runners above it (pnpm, turbo) report a stop, not a failure.
let closing = false;
const stop = () => {
  if (closing) process.exit(0);
  closing = true;
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
