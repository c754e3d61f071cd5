import { model as chimeModel } from "@voicetask/chime-sdk-voice/spec";
import type { ApiModel, OperationModel } from "@voicetask/core";
import { model as trtcModel } from "@voicetask/trtc/spec";
import type { ProviderAnswer } from "../../src/index.js";
import { createAjv, type ValidateFunction } from "../../src/spec/ajv.js";

/** Operations of a model by the name the mock journals them under (TRTC: the action). */
const byName = (model: ApiModel) =>
  new Map<string, OperationModel>(
    model.operations.map((op) => [op.wire.protocol === "tencent" ? op.wire.action : op.name, op]),
  );

/**
 * Checks every answer the mock sends against the provider model's response schema for its operation and status,
 * plus the wire rules the schemas cannot say (headers). Collects problems instead of throwing, so a test can
 * assert that none occurred over a whole scenario run.
 */
export function createAnswerValidator() {
  const ajv = createAjv();
  const trtc = byName(trtcModel);
  const chime = byName(chimeModel);
  const envelope = ajv.compile(trtcModel.schemas.ErrorEnvelope!);
  /** A TRTC answer: the success envelope around the operation's result, or the error envelope. */
  const trtcAnswer = (op: OperationModel | undefined): ValidateFunction =>
    op?.outputSchema
      ? ajv.compile({
          anyOf: [
            {
              type: "object",
              required: ["Response"],
              additionalProperties: false,
              properties: { Response: op.outputSchema },
            },
            trtcModel.schemas.ErrorEnvelope!,
          ],
        })
      : envelope;
  const trtcValidators = new Map<string, ValidateFunction>();
  /** A Chime answer: the success body at the success status, the error shape's body at its listed status. */
  const chimeAnswer = (op: OperationModel, status: number, shape: string | undefined) => {
    if (status === op.successStatus) return op.outputSchema && ajv.compile(op.outputSchema);
    const error = op.errors.find((e) => e.code === shape && e.status === status);
    const schema = error && chimeModel.schemas[error.code];
    return schema && ajv.compile(schema);
  };
  const problems: string[] = [];
  let checked = 0;

  const observe = (a: ProviderAnswer) => {
    checked++;
    const where = `${a.provider} ${a.operation ?? "(no operation)"} ${a.status}`;
    const headers = Object.fromEntries(Object.entries(a.headers).map(([k, v]) => [k.toLowerCase(), v]));
    if (a.provider === "trtc") {
      if (a.status !== 200) problems.push(`${where}: TRTC answered HTTP ${a.status}`);
      const key = a.operation ?? "";
      if (!trtcValidators.has(key)) trtcValidators.set(key, trtcAnswer(trtc.get(key)));
      const validate = trtcValidators.get(key)!;
      if (!validate(a.body))
        problems.push(`${where}: ${JSON.stringify(validate.errors?.[0])} in ${JSON.stringify(a.body)}`);
      return;
    }
    if (!headers["x-amzn-requestid"]) problems.push(`${where}: no x-amzn-RequestId`);
    const isError = a.status >= 300;
    if (isError && !headers["x-amzn-errortype"]) problems.push(`${where}: error without x-amzn-ErrorType`);
    const op = a.operation ? chime.get(a.operation) : undefined;
    const shape = headers["x-amzn-errortype"];
    const modelled = op?.errors.some((c) => c.code === shape) ?? false;
    if (isError && modelled) {
      const body = a.body as Record<string, unknown>;
      if (typeof body?.Code !== "string" || typeof body?.Message !== "string") {
        problems.push(`${where}: modelled error ${shape} without Code and Message`);
      }
    }
    if (!op || (isError && !modelled)) return; // front-door answers are not part of the operation's model
    const validate = chimeAnswer(op, a.status, shape);
    if (!validate) {
      if (a.body !== undefined) problems.push(`${where}: status not in the spec`);
      return;
    }
    if (!validate(a.body))
      problems.push(`${where}: ${JSON.stringify(validate.errors?.[0])} in ${JSON.stringify(a.body)}`);
  };
  return { observe, problems, checked: () => checked };
}
