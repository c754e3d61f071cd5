import { describe, expect, it } from "vitest";
import { COMMANDS, serviceCommands } from "./commands/registry.js";
import { globalFlags } from "./globals.js";
import { commandHelp, operationHelp, rootHelp, serviceHelp } from "./help.js";
import { displayWidth } from "./layout.js";
import { allFlags } from "./schema/fields.js";
import { loadModel, modelFields } from "./service-model.js";
import { services, waiterAfter } from "./services.js";

const WIDTHS = [40, 60, 80, 120];
const words = (text: string) => text.replace(/\s+\\?\n\s*|\s+/g, " ").trim();

/** Every line fits, or is one word longer than the line (a URL, a JSON example), which is never cut. */
function expectFits(text: string, width: number, what: string) {
  for (const line of text.split("\n")) {
    if (displayWidth(line) <= width) continue;
    // One quoted shell word of an example (a JSON value) on a line of its own.
    if (/^'[^']*'$/.test(line.trim().replace(/ \\$/, ""))) continue;
    const last = line.trim().replace(/ \\$/, "").split(" ").at(-1)!;
    const before = line.slice(0, line.lastIndexOf(last)).trimEnd();
    expect(displayWidth(before), `${what} at ${width}: ${line}`).toBeLessThanOrEqual(width);
    expect(displayWidth(last), `${what} at ${width}: a short word past the edge: ${line}`).toBeGreaterThan(
      width / 2,
    );
  }
  expect(text, what).not.toContain("…");
}

async function allHelp(width: number): Promise<[string, string, string[]][]> {
  const out: [string, string, string[]][] = [["voicetask --help", rootHelp("0.0.0", width), []]];
  for (const service of services) {
    const model = await loadModel(service);
    const globals = globalFlags(service.credentials, model.regions).map((g) => g.description);
    out.push([`${service.name} --help`, await serviceHelp(service, width), globals]);
    for (const op of model.operations) {
      const descriptions = allFlags(modelFields(op)).map((f) => f.schema.description ?? "");
      out.push([
        `${service.name} ${op.command} --help`,
        operationHelp(service, op, width, waiterAfter(service, op.name)),
        [op.description, ...descriptions],
      ]);
    }
    for (const command of serviceCommands(service))
      out.push([
        `${service.name} ${command.name} --help`,
        commandHelp(command, service, width),
        [command.details ?? "", ...command.flags.map((f) => f.schema.description ?? "")],
      ]);
  }
  for (const command of COMMANDS.filter((c) => c.scope === "root"))
    out.push([`${command.name} --help`, commandHelp(command, undefined, width), [command.details ?? ""]]);
  return out;
}

describe("help", () => {
  it("wraps every help text to the width, cuts nothing and shows every description in full", async () => {
    for (const width of WIDTHS) {
      for (const [what, text, descriptions] of await allHelp(width)) {
        expectFits(text, width, what);
        for (const description of descriptions)
          expect(words(text), `${what} at ${width}`).toContain(words(description));
      }
    }
  });

  it("keeps a long dotted flag off its description", async () => {
    const trtc = services.find((s) => s.name === "trtc")!;
    const model = await loadModel(trtc);
    const start = model.operations.find((o) => o.name === "StartAIConversation")!;
    const text = operationHelp(trtc, start, 60);
    const line = text.split("\n").find((l) => l.includes("--agent-config.interrupt-speech-duration"))!;
    expect(line.trim()).toBe("--agent-config.interrupt-speech-duration <integer>");
    expect(words(text)).toContain("Values: coffee_shops, busy_office, street_traffic, evening_mountain.");
  });

  it("offers --site and names the variables of the service's own provider", async () => {
    const [trtc, chime] = [services[0]!, services[1]!];
    const trtcHelp = await serviceHelp(trtc, 200);
    const chimeHelp = await serviceHelp(chime, 200);
    expect(trtcHelp).toContain("--site <intl|cn>");
    expect(trtcHelp).toMatch(/--region <region> +Region; else TENCENTCLOUD_REGION/);
    expect(trtcHelp).not.toContain("AWS_REGION");
    expect(chimeHelp).not.toContain("--site");
    expect(chimeHelp).toMatch(/--region <region> +Region; else AWS_REGION, AWS_DEFAULT_REGION/);
    expect(chimeHelp).not.toContain("TENCENTCLOUD");
    expect(chimeHelp).toContain("voicetask chime-sdk-voice (alias chime)");
  });
});
