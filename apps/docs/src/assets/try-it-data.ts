// What an operation page tells its "Try it" script (in a `<script type="application/json" data-try-it-data>`), shared
// by the page that writes it (pages/try-it-section.ts) and the script that reads it (assets/try-it.ts).

/** How a control's text becomes the input member's value. */
export type TryItKind = "string" | "integer" | "number" | "boolean" | "json";

export interface TryItData {
  /** The operation, as the client's `buildRequest` names it. */
  operation: string;
  /** Every documented error code (the API's common ones and the operation's own): its meaning and its row. */
  errors: Record<string, { text: string; href: string }>;
}
