import { expect } from "vitest";
import { model as controlModel } from "../../src/generated/model.js";
import { createAjv } from "../../src/spec/ajv.js";
import { raw } from "./raw.js";

const ajv = createAjv();
const validators = new Map(
  controlModel.operations.map((op) => [
    op.name,
    (status: number) => {
      if (status !== op.successStatus) return ajv.compile(controlModel.schemas.Error!);
      return op.outputSchema ? ajv.compile(op.outputSchema) : undefined;
    },
  ]),
);

/**
 * Calls one control route over HTTP and checks the answer against the control API's model: the operation's
 * success schema, or the Error schema every failure of the API uses (an empty body where there is no schema).
 */
export async function callControl(
  url: string,
  operationId: string,
  method: string,
  path: string,
  body?: unknown,
) {
  const r = await raw(url, {
    method,
    path,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const validate = validators.get(operationId)!(r.status);
  if (validate) expect(validate(r.json), JSON.stringify(validate.errors)).toBe(true);
  else expect(r.text).toBe("");
  return r;
}
