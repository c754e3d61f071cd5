import { apis, findApi } from "./apis.js";
import { checkGenerated } from "./check-generated.js";
import { renderApi, writeApi } from "./generate.js";

async function main(argv: string[]): Promise<number> {
  const [command, ...names] = argv;
  if (command === "generate") {
    const targets = names.length > 0 ? names.map(findApi) : apis;
    for (const api of targets) {
      await writeApi(api, await renderApi(api));
      console.log(`generated ${api.output} from ${api.spec}`);
    }
    return 0;
  }
  if (command === "check-generated") {
    const stale = await checkGenerated();
    if (stale.length === 0) {
      console.log("generated code is up to date with the specs");
      return 0;
    }
    console.error("generated code differs from what the specs produce; run `pnpm generate` and commit:");
    for (const file of stale) console.error(`  ${file}`);
    return 1;
  }
  console.error("usage: voicetask-spec-tools generate [api...] | check-generated");
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
