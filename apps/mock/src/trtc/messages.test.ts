import { describe, expect, it } from "vitest";
import {
  CATALOGS,
  type Constraint,
  DEFAULT_LANGUAGE,
  LANGUAGES,
  languageOf,
  type MessageKey,
} from "./messages.js";

const range: Constraint = {
  keyword: "maximum",
  params: { comparison: "<=", limit: 50 },
  english: "must be <= 50",
};

/** Arguments for every message: the type makes a new message without an entry here a compile error. */
const SAMPLES: { [K in MessageKey]: Parameters<(typeof CATALOGS)["en-US"][K]> } = {
  internal: [],
  invalidAction: [],
  noSuchVersion: ["2020-01-01", "StopAIConversation"],
  unsupportedRegion: ["eu-frankfurt"],
  unsupportedProtocol: ["PUT"],
  missing: ["AgentConfig.UserSig"],
  unknown: ["Colour"],
  duplicate: ["TaskId"],
  bodyTooLarge: [10485760],
  queryTooLarge: [32768],
  v1TooLarge: [],
  rateLimited: ["StopAIConversation", 20],
  taskNotExist: [],
  taskExist: [],
  invalidTaskId: [],
  concurrencyLimit: [1400000001, 100],
  accountsLimit: [1000],
  tasksPerAccountLimit: [10000],
  userSig: ["expired"],
  contentType: ["text/plain"],
  bodyUnreadable: [],
  bodyNotUtf8: [],
  bodyNotJson: [],
  bodyNotObject: [],
  headersInvalid: [],
  parametersInvalid: [],
  commonType: ["Timestamp", "integer"],
  commonValue: ["Language", { keyword: "enum", params: { allowedValues: ["zh-CN", "en-US"] }, english: "x" }],
  type: ["SdkAppId", "integer"],
  value: ["LLMConfig.History", range],
  notJsonText: ["LLMConfig"],
  form: ["index", "A.7", "The parameter `A.7` is not an element of its array."],
  secretIdNotFound: [],
  signatureExpire: [],
  signatureFailure: [],
  tokenFailure: [],
  invalidAuthorization: ["the header is missing"],
  v1Body: [],
  v1Timestamp: [],
  v1Nonce: [],
  injected: ["ResourceInsufficient.RequestRejection"],
  noBehaviour: ["DescribeSomething"],
  given: ["as the caller wrote it"],
};

const HAN = /\p{Script=Han}/u;

describe("the message catalog", () => {
  it("has every message in en-US and zh-CN: English without Chinese, Chinese with it", () => {
    for (const key of Object.keys(SAMPLES) as MessageKey[]) {
      if (key === "given") continue; // the caller's own text
      const args = SAMPLES[key] as unknown[];
      const [english, chinese] = LANGUAGES.map((l) =>
        (CATALOGS[l][key] as (...a: unknown[]) => string)(...args),
      ) as [string, string];
      expect(english, key).not.toMatch(HAN);
      expect(english, key).toMatch(/\.$/);
      expect(chinese, key).toMatch(HAN);
      expect(chinese, key).toMatch(/。$/);
    }
    expect(Object.keys(CATALOGS["zh-CN"]).sort()).toEqual(Object.keys(CATALOGS["en-US"]).sort());
  });

  it("keeps the names a message is about, in both languages", () => {
    for (const l of LANGUAGES) {
      expect(CATALOGS[l].missing("AgentConfig.UserSig")).toContain("`AgentConfig.UserSig`");
      expect(CATALOGS[l].value("LLMConfig.History", range)).toMatch(/`LLMConfig\.History`.*<= 50/);
      expect(
        CATALOGS[l].form("duplicate", "TaskId", "The parameter `TaskId` is given more than once."),
      ).toContain("`TaskId`");
    }
  });

  it("answers the service's default (English) for no language or one it does not speak", () => {
    expect(DEFAULT_LANGUAGE).toBe("en-US");
    expect(languageOf(undefined)).toBe("en-US");
    expect(languageOf("fr-FR")).toBe("en-US");
    expect(languageOf("zh-CN")).toBe("zh-CN");
  });
});
