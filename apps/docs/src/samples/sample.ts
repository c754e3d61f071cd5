/** One code sample of an operation, as shown in a tab-less stack on the reference page. */
export interface Sample {
  /** Short heading, e.g. "TypeScript client". */
  label: string;
  /** Language for the code block class (`ts`, `sh`, `http`, `text`). */
  language: string;
  code: string;
  /** Optional explanation rendered above the code (Markdown). */
  note?: string;
}
