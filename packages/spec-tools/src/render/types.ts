import openapiTS, { astToString } from "openapi-typescript";

/** The openapi-typescript rendering of a spec: `paths`, `components` and `operations` types. */
export async function renderTypes(doc: Record<string, unknown>): Promise<string> {
  // The document is passed parsed, so openapi-typescript never reads a redocly.yaml of its own.
  // defaultNonNullable: false keeps a field with a documented `default` optional, as it is on the wire.
  const ast = await openapiTS(structuredClone(doc) as never, {
    silent: true,
    alphabetize: false,
    defaultNonNullable: false,
  });
  return astToString(ast);
}
