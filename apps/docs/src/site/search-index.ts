import MiniSearch from "minisearch";
import { SEARCH_OPTIONS, type SearchDoc } from "../assets/search-options.js";
import type { SearchEntry } from "./page.js";

/** Longest text kept per entry: enough for a snippet around the match, not the whole description. */
const TEXT_CHARS = 320;

/** The MiniSearch index of every entry, serialised: the browser loads it as it is (MiniSearch.loadJSON). */
export function searchIndexJson(entries: SearchEntry[]): string {
  const index = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  index.addAll(
    entries.map((e, id) => ({
      id,
      ...e,
      text: e.text.length > TEXT_CHARS ? `${e.text.slice(0, TEXT_CHARS).replace(/\s+\S*$/, "")}…` : e.text,
    })),
  );
  return JSON.stringify(index);
}
