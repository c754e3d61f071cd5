import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { markTerms, snippet } from "../assets/search.js";
import { SEARCH_OPTIONS, type SearchDoc } from "../assets/search-options.js";
import { searchIndexJson } from "./search-index.js";

const entries = [
  {
    title: "StopAIConversation",
    url: "reference/trtc/StopAIConversation.html",
    section: "TRTC",
    text: "Stop a task.",
  },
  {
    title: "FailedOperation.TaskNotExist",
    url: "reference/trtc/StopAIConversation.html#error-FailedOperation-TaskNotExist",
    section: "StopAIConversation · error",
    text: "The task does not exist.",
  },
  {
    title: "VoiceProfileDomainId",
    url: "reference/chime-sdk-voice/StartSpeakerSearchTask.html#request.VoiceProfileDomainId",
    section: "StartSpeakerSearchTask · request field",
    text: "string. The ID of the voice profile domain that will store the voice profile.",
  },
];

/** The index as the browser gets it: serialised at build time, loaded with the same options. */
const index = MiniSearch.loadJSON<SearchDoc>(searchIndexJson(entries), SEARCH_OPTIONS);
const titles = (q: string) => index.search(q).map((r) => r.title as string);

describe("search index", () => {
  it("finds error codes by a part of their name, and fields by the words of their name", () => {
    expect(titles("TaskNotExist")[0]).toBe("FailedOperation.TaskNotExist");
    expect(titles("FailedOperation.TaskNotExist")).toEqual(["FailedOperation.TaskNotExist"]);
    expect(titles("domain id")[0]).toBe("VoiceProfileDomainId");
    expect(titles("stopai")[0]).toBe("StopAIConversation"); // prefix: results while typing
  });

  it("marks the matched words of a title and of a snippet cut around the first match", () => {
    expect(markTerms("VoiceProfileDomainId", ["domain", "id"])).toEqual([
      ["VoiceProfile", false],
      ["Domain", true],
      ["Id", true],
    ]);
    const text = `${"word ".repeat(40)}the voice profile domain that stores it`;
    const pieces = snippet(text, ["domain"]);
    expect(pieces[0]?.[0].startsWith("…")).toBe(true);
    expect(pieces).toContainEqual(["domain", true]);
  });
});
