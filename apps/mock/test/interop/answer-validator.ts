import { compileChime } from "../../src/chime/validation.js";
import type { ProviderAnswer } from "../../src/index.js";
import { createSpecAjv } from "../../src/spec/ajv.js";
import { providerSpecs } from "../../src/spec/load.js";
import { compileTrtc } from "../../src/trtc/validation.js";

/**
 * Checks every answer the mock sends against the provider spec's response schema for its operation and status,
 * plus the wire rules the schemas cannot say (headers). Collects problems instead of throwing, so a test can
 * assert that none occurred over a whole scenario run.
 */
export function createAnswerValidator() {
  const trtc = compileTrtc(providerSpecs.trtc);
  const chime = compileChime(providerSpecs.chime);
  const envelope = createSpecAjv(providerSpecs.trtc, "trtc-envelope.json").compileAt(
    "/components/schemas/ErrorEnvelope",
  );
  const problems: string[] = [];
  let checked = 0;

  const observe = (a: ProviderAnswer) => {
    checked++;
    const where = `${a.provider} ${a.operation ?? "(no operation)"} ${a.status}`;
    const headers = Object.fromEntries(Object.entries(a.headers).map(([k, v]) => [k.toLowerCase(), v]));
    if (a.provider === "trtc") {
      if (a.status !== 200) problems.push(`${where}: TRTC answered HTTP ${a.status}`);
      const op = a.operation ? trtc.get(a.operation) : undefined;
      const validate = op?.responseValidator() ?? envelope;
      if (!validate(a.body))
        problems.push(`${where}: ${JSON.stringify(validate.errors?.[0])} in ${JSON.stringify(a.body)}`);
      return;
    }
    if (!headers["x-amzn-requestid"]) problems.push(`${where}: no x-amzn-RequestId`);
    const isError = a.status >= 300;
    if (isError && !headers["x-amzn-errortype"]) problems.push(`${where}: error without x-amzn-ErrorType`);
    const op = a.operation ? chime.get(a.operation) : undefined;
    const shape = headers["x-amzn-errortype"];
    const modelled = op?.op.errorCodes.some((c) => c.code === shape) ?? false;
    if (isError && modelled) {
      const body = a.body as Record<string, unknown>;
      if (typeof body?.Code !== "string" || typeof body?.Message !== "string") {
        problems.push(`${where}: modelled error ${shape} without Code and Message`);
      }
    }
    if (!op || (isError && !modelled)) return; // front-door answers are not part of the operation's model
    const validate = op.responseValidator(a.status);
    if (!validate) {
      if (a.body !== undefined) problems.push(`${where}: status not in the spec`);
      return;
    }
    if (!validate(a.body))
      problems.push(`${where}: ${JSON.stringify(validate.errors?.[0])} in ${JSON.stringify(a.body)}`);
  };
  return { observe, problems, checked: () => checked };
}
