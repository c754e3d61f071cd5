import type { Options, SearchOptions } from "minisearch";

/** One searchable spot of the site as the index stores it (what a result shows and where it links). */
export interface SearchDoc {
  id: number;
  title: string;
  url: string;
  section: string;
  text: string;
}

/** `VoiceProfileDomainId` → `voice`, `profile`, `domain`, `id`; `TTSConfig` → `tts`, `config`. */
function camelParts(word: string): string[] {
  return word.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/).filter(Boolean);
}

/**
 * How the index is built (at site build time) and read (in the browser): both sides must use the same options,
 * so they live here. Indexed words are also split at camel-case humps, so "domain id" finds `VoiceProfileDomainId`;
 * a query is not split, so "TaskNotExist" keeps meaning that one word.
 */
export const SEARCH_OPTIONS: Options<SearchDoc> = {
  fields: ["title", "section", "text"],
  storeFields: ["title", "url", "section", "text"],
  processTerm: (term) => {
    const parts = camelParts(term);
    const words = parts.length > 1 ? [term, ...parts] : [term];
    return words.map((w) => w.toLowerCase());
  },
  searchOptions: {
    processTerm: (term) => term.toLowerCase(),
    boost: { title: 4, section: 0.5 },
    combineWith: "AND",
    prefix: true,
    fuzzy: (term) => (term.length > 5 ? 0.15 : false),
  },
};

export type { SearchOptions };
