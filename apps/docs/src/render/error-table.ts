import type { ErrorModel } from "@voicetask/core";
import { RETRY_BY_KIND } from "../pages/retry-rule.js";
import { esc, scrollTable } from "./html.js";
import { renderInline } from "./markdown.js";

/** The anchor of an error code's row: `FailedOperation.TaskNotExist` → `error-FailedOperation-TaskNotExist`. */
export function errorAnchor(code: string): string {
  return `error-${code.replace(/[^A-Za-z0-9]+/g, "-")}`;
}

/**
 * A table of error codes with an anchor per row. `status`: show the HTTP status (not for Tencent, whose API
 * errors all arrive with 200); `retry`: show what the clients do with each (for an API with a client).
 */
export function errorTable(errors: readonly ErrorModel[], show: { status: boolean; retry: boolean }): string {
  const head = [
    "<th>Code</th>",
    show.status ? "<th>HTTP</th>" : "",
    "<th>Meaning</th>",
    show.retry ? "<th>Clients</th>" : "",
  ].join("");
  const rows = errors
    .map((e) => {
      const cells = [
        `<td><code>${esc(e.code)}</code></td>`,
        show.status ? `<td class="status">${esc(e.status)}</td>` : "",
        `<td>${renderInline(e.description)}</td>`,
        show.retry ? `<td class="retry">${esc(RETRY_BY_KIND[e.kind])}</td>` : "",
      ];
      return `<tr id="${esc(errorAnchor(e.code))}">${cells.join("")}</tr>`;
    })
    .join("\n");
  return scrollTable(`<table class="errors"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`);
}
