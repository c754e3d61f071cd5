// Host of the programs on Node, Deno and Bun: the run's config comes as the first argument; one JSON line of
// outcomes goes to stdout. The official TRTC SDK gets an http.Agent that resolves `trtc.localhost` to the mock
// (those runtimes' resolvers do not; browsers and the Worker's outbound service do it themselves).
import * as http from "node:http";
import type { RunConfig } from "../in-runtime/config.js";
import { outcome } from "../in-runtime/outcome.js";
import { officialAws } from "../programs/official-aws.js";
import { officialTrtc } from "../programs/official-trtc.js";
import { ours } from "../programs/ours.js";

const loopbackAgent = () =>
  new http.Agent({
    lookup: ((_host: string, options: { all?: boolean }, done: (...args: unknown[]) => void) => {
      if (options?.all) done(null, [{ address: "127.0.0.1", family: 4 }]);
      else done(null, "127.0.0.1", 4);
    }) as never,
  });

const config = JSON.parse(process.argv[2]!) as RunConfig;
const outcomes = {
  ours: await outcome(() => ours(config)),
  officialTrtc: await outcome(() => officialTrtc(config, loopbackAgent())),
  officialAws: await outcome(() => officialAws(config)),
};
console.log(JSON.stringify(outcomes));
process.exit(0);
