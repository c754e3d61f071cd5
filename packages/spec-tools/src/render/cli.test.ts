import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { findApi, repoRoot } from "../apis.js";
import { modelApis, renderAll } from "../generate.js";
import { CLI_OUTPUT, flagSchema, renderCli, validationSchema } from "./cli.js";

// Two Chime SDK Voice operations the spec lacks, as the official model (@aws-sdk/client-chime-sdk-voice 3.1142.0,
// ListSupportedPhoneNumberCountriesRequest and ListPhoneNumbersRequest) has their inputs: every member a query
// parameter, one of them required.
const ADDED_PATHS = `
  /phone-number-countries:
    get:
      operationId: ListSupportedPhoneNumberCountries
      summary: List the countries of a phone number product type
      description: Lists the countries in which phone numbers of the product type can be provisioned.
      x-rate-limit: 5
      x-retry: always
      parameters:
        - name: product-type
          in: query
          required: true
          x-member-name: ProductType
          description: The phone number product type.
          schema:
            type: string
            enum: [VoiceConnector, SipMediaApplicationDialIn]
      responses:
        "200":
          description: The countries.
          content:
            application/json:
              schema:
                type: object
                properties:
                  PhoneNumberCountries:
                    type: array
                    items:
                      type: object
  /phone-numbers:
    get:
      operationId: ListPhoneNumbers
      summary: List phone numbers
      description: Lists the phone numbers of the account, filtered as asked.
      x-rate-limit: 5
      x-retry: always
      parameters:
        - { name: status, in: query, x-member-name: Status, schema: { type: string } }
        - name: product-type
          in: query
          x-member-name: ProductType
          schema: { type: string, enum: [VoiceConnector, SipMediaApplicationDialIn] }
        - name: filter-name
          in: query
          x-member-name: FilterName
          schema: { type: string, enum: [VoiceConnectorId, SipRuleId, VoiceConnectorGroupId] }
        - { name: filter-value, in: query, x-member-name: FilterValue, schema: { type: string } }
        - name: max-results
          in: query
          x-member-name: MaxResults
          schema: { type: integer, minimum: 1, maximum: 500 }
        - { name: next-token, in: query, x-member-name: NextToken, schema: { type: string } }
      responses:
        "200":
          description: The phone numbers.
          content:
            application/json:
              schema:
                type: object
                properties:
                  PhoneNumbers:
                    type: array
                    items:
                      type: object
                  NextToken:
                    type: string
`;

const here = dirname(fileURLToPath(import.meta.url));
const cleanup: string[] = [];
afterEach(async () => {
  for (const dir of cleanup.splice(0)) await rm(dir, { recursive: true, force: true });
});

interface OperationModule {
  validate: ((data: unknown) => boolean) & {
    errors?: { keyword: string; params: Record<string, unknown> }[];
  };
  operation: { name: string; command: string; fields: { name: string; flag: string; required: boolean }[] };
}

/** Loads a generated operation module (TypeScript) from a folder inside this package, so its imports resolve. */
async function load(source: string): Promise<OperationModule> {
  const dir = await mkdtemp(join(here, "..", "..", ".cli-render-test-"));
  cleanup.push(dir);
  const file = join(dir, "operation.ts");
  await writeFile(file, source);
  return (await import(file)) as OperationModule;
}

describe("the CLI's generated modules (render/cli.ts)", () => {
  it("carry a Chime operation's query parameters, required or not, as flags that its validator checks", async () => {
    const root = await mkdtemp(join(tmpdir(), "voicetask-cli-render-"));
    cleanup.push(root);
    const chime = findApi("chime-sdk-voice");
    const spec = await readFile(join(repoRoot, chime.spec), "utf8");
    await cp(join(repoRoot, chime.spec), join(root, chime.spec));
    await writeFile(join(root, chime.spec), spec.replace(/^paths:\n/m, `paths:${ADDED_PATHS}`));
    const targets = await renderAll(root, [chime]);
    const files = targets.find((t) => t.folder === CLI_OUTPUT)!.files;

    const index = files.get("index.ts")!;
    expect(index).toContain(
      'command: "list-supported-phone-number-countries", method: "listSupportedPhoneNumberCountries"',
    );
    expect(index).toContain('command: "list-phone-numbers"');

    const countries = await load(files.get("chime-sdk-voice/ListSupportedPhoneNumberCountries.ts")!);
    expect(countries.operation.fields).toEqual([
      { name: "ProductType", flag: "product-type", required: true, schema: { type: "string" } },
    ]);
    expect(countries.validate({})).toBe(false);
    expect(countries.validate.errors).toEqual([
      expect.objectContaining({ keyword: "required", params: { missingProperty: "ProductType" } }),
    ]);
    expect(countries.validate({ ProductType: "Landline" })).toBe(false);
    expect(countries.validate.errors?.[0]?.keyword).toBe("enum");
    expect(countries.validate({ ProductType: "VoiceConnector", Other: 1 })).toBe(false);
    expect(countries.validate({ ProductType: "VoiceConnector" })).toBe(true);

    const numbers = await load(files.get("chime-sdk-voice/ListPhoneNumbers.ts")!);
    expect(numbers.operation.fields.map((f) => [f.flag, f.required])).toEqual([
      ["status", false],
      ["product-type", false],
      ["filter-name", false],
      ["filter-value", false],
      ["max-results", false],
      ["next-token", false],
    ]);
    expect(numbers.validate({})).toBe(true);
    expect(numbers.validate({ MaxResults: 0 })).toBe(false);
    expect(numbers.validate.errors?.[0]?.keyword).toBe("minimum");
    expect(numbers.validate({ MaxResults: 100, FilterName: "SipRuleId", FilterValue: "r-1" })).toBe(true);
  });

  it("a TRTC operation's validator checks members at depth, as its input schema says", async () => {
    const [trtc] = await modelApis(repoRoot, [findApi("trtc")]);
    const files = renderCli([{ spec: "spec", model: trtc!.model }], () => "");
    const start = await load(files.get("trtc/StartAIConversation.ts")!);
    const valid = {
      SdkAppId: 1400000001,
      RoomId: "r",
      AgentConfig: { UserId: "bot", UserSig: "s", TargetUserId: "u" },
    };
    expect(start.validate(valid)).toBe(true);
    expect(start.validate({ ...valid, AgentConfig: { ...valid.AgentConfig, MaxIdleTime: "soon" } })).toBe(
      false,
    );
    expect(start.validate.errors?.[0]).toMatchObject({
      keyword: "type",
      instancePath: "/AgentConfig/MaxIdleTime",
    });
  });
});

describe("schema reductions", () => {
  it("validationSchema drops annotations at schema positions only (a member named description stays)", () => {
    const schema = {
      type: "object",
      description: "drop",
      "x-schema-name": "Thing",
      properties: { description: { type: "string", description: "drop", examples: ["x"] } },
      enum: [{ description: "kept: a value, not a schema" }],
    };
    expect(validationSchema(schema)).toEqual({
      type: "object",
      properties: { description: { type: "string" } },
      enum: [{ description: "kept: a value, not a schema" }],
    });
  });

  it("validationSchema checks a JSON text decoded, against its contentSchema (any JSON without one)", () => {
    const llm = {
      type: "object",
      description: "drop",
      required: ["LLMType"],
      properties: { LLMType: { type: "string" } },
    };
    expect(
      validationSchema({
        type: "object",
        properties: {
          LLMConfig: { type: "string", contentMediaType: "application/json", contentSchema: llm },
          AvatarConfig: { type: "string", contentMediaType: "application/json" },
          Plain: { type: "string", contentMediaType: "text/plain" },
        },
      }),
    ).toEqual({
      type: "object",
      properties: {
        LLMConfig: { type: "object", required: ["LLMType"], properties: { LLMType: { type: "string" } } },
        AvatarConfig: {},
        Plain: { type: "string", contentMediaType: "text/plain" },
      },
    });
    expect(flagSchema({ type: "string", contentMediaType: "application/json", contentSchema: llm })).toEqual({
      type: "string",
      contentMediaType: "application/json",
    });
  });

  it("flagSchema keeps type, properties and items at every depth", () => {
    expect(
      flagSchema({
        type: ["object", "null"],
        minProperties: 1,
        properties: {
          List: { type: "array", items: { properties: { N: { type: "integer", minimum: 1 } } } },
        },
      }),
    ).toEqual({
      type: ["object", "null"],
      properties: { List: { type: "array", items: { properties: { N: { type: "integer" } } } } },
    });
  });
});
