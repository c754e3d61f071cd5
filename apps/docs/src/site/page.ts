/** One searchable spot of the site. */
export interface SearchEntry {
  /** Title shown in results. */
  title: string;
  /** URL relative to the site root, optionally with `#anchor`. */
  url: string;
  /** Where it lives: "Guide", "TRTC AI conversation", "Changelog", … */
  section: string;
  /** Plain text the query is matched against (summary, field names, error codes). */
  text: string;
}

export type Section = "home" | "guides" | "reference" | "changelog" | "search";

export interface Page {
  /** Output path relative to `dist/`, always ending in `.html`. */
  path: string;
  title: string;
  section: Section;
  /** Main content HTML; links inside are relative to this page. */
  body: string;
  /** Side navigation for this page (HTML, relative links), if any. */
  sidebar?: string;
  search: SearchEntry[];
  /** The "Try it" script this page loads besides the site's: its path in the site and the client it bundles. */
  tryIt?: { script: string; client: string };
}
