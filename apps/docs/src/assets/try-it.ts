// "Try it" on an operation page: reads the form into the operation's input, builds the request with the client's
// `buildRequest`, signs it here with `signRequest` and the keys typed into the page, shows it, sends it and explains
// the answer. Bundled per client (site/bundle.ts) and loaded by operation pages only. The keys live in the inputs
// and in local variables of one click: nothing here stores, logs or puts them in the address.

import type { HttpRequest, SignedHttpRequest } from "@voicetask/core";
import { rawRequest } from "../samples/raw-request.js";
import type { TryItData, TryItKind } from "./try-it-data.js";

/** The client's request builder and signer (`<client>/request`), as the bundle hands them over. */
export interface TryItClient {
  buildRequest(operation: string, input: object, target: { region: string; endpoint: string }): HttpRequest;
  signRequest(
    request: HttpRequest,
    options: { credentials: Record<string, string>; now: number; region: string },
  ): Promise<SignedHttpRequest>;
}

/** A mistake in the form, named by its field, shown instead of sending. */
export class FormError extends Error {}

/**
 * A control's text as the input member's value; undefined leaves the member out. A number that does not read as
 * one is sent as it was typed, so the service's own answer explains it.
 */
export function readValue(name: string, kind: TryItKind, text: string): unknown {
  if (text.trim() === "") return undefined;
  switch (kind) {
    case "integer":
    case "number":
      return /^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(text) ? Number(text) : text;
    case "boolean":
      return text === "true" ? true : text === "false" ? false : text;
    case "json":
      try {
        return JSON.parse(text);
      } catch (e) {
        throw new FormError(`${name}: not valid JSON (${(e as Error).message})`);
      }
    default:
      return text;
  }
}

/** Session tokens are shown by their first characters only; the signature and everything else as sent. */
const MASKED = new Set(["x-tc-token", "x-amz-security-token"]);

/** The signed request as raw HTTP, a session token masked. */
export function shownRequest(request: HttpRequest): string {
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([n, v]) => [n, MASKED.has(n) ? `${v.slice(0, 4)}… (masked)` : v]),
  );
  return rawRequest({ ...request, headers });
}

/** The error code of an answer: Tencent's `Response.Error.Code`, AWS's `x-amzn-ErrorType` or body `Code`. */
export function errorCodeOf(
  headers: { get(name: string): string | null },
  body: unknown,
): string | undefined {
  const record = (v: unknown) => (typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {});
  const tencent = record(record(record(body).Response).Error).Code;
  if (typeof tencent === "string") return tencent;
  const amzn = headers.get("x-amzn-errortype");
  if (amzn) return amzn.split(":")[0];
  const code = record(body).Code ?? record(body).__type;
  return typeof code === "string" ? code : undefined;
}

/** The documented meaning of a code: its own entry, else its family's (`InvalidParameter.X` → `InvalidParameter`). */
export function explain(
  code: string,
  errors: TryItData["errors"],
): { code: string; text: string; href: string } | undefined {
  for (let c = code; c; c = c.includes(".") ? c.slice(0, c.lastIndexOf(".")) : "") {
    const entry = errors[c];
    if (entry) return { code: c, ...entry };
  }
  return undefined;
}

/** The target as the page finds it: the page's own origin when the mock serves the docs, else the form's default. */
async function findTarget(target: HTMLInputElement): Promise<void> {
  if (!/^https?:$/.test(location.protocol)) return;
  try {
    const answer = await fetch(`${location.origin}/`, { cache: "no-store", credentials: "omit" });
    const about = (await answer.json()) as { name?: unknown };
    if (about.name === "voicetask-mock" && target.value === target.dataset.default)
      target.value = location.origin;
  } catch {
    // not the mock (a static server, a file): keep the default
  }
}

function show(element: Element | null, text: string | null, heading?: Element | null): void {
  if (!(element instanceof HTMLElement)) return;
  element.hidden = text === null;
  if (text !== null) element.textContent = text;
  if (heading instanceof HTMLElement) heading.hidden = text === null;
}

/** Wires the form of the page, if it has one. */
export function wireTryIt(root: Document, client: TryItClient): void {
  const form = root.querySelector<HTMLElement>("[data-try-it]");
  const dataScript = form?.querySelector("[data-try-it-data]");
  if (!form || !dataScript) return;
  const data = JSON.parse(dataScript.textContent ?? "{}") as TryItData;
  form.hidden = false;
  root.querySelector<HTMLElement>(".try-it-nojs")?.setAttribute("hidden", "");
  const target = form.querySelector<HTMLInputElement>("#try-it-target");
  const region = form.querySelector<HTMLSelectElement>("#try-it-region");
  const send = form.querySelector<HTMLButtonElement>("[data-try-send]");
  const requestOut = form.querySelector("[data-try-request]");
  const answerOut = form.querySelector("[data-try-answer]");
  const explainOut = form.querySelector<HTMLElement>("[data-try-explain]");
  const requestHeading = form.querySelector("#try-it-request");
  const answerHeading = form.querySelector("#try-it-answer");
  if (!target || !region || !send || !explainOut) return;
  void findTarget(target);

  const explainText = (message: string, link?: { href: string; label: string }) => {
    explainOut.hidden = false;
    explainOut.replaceChildren(message);
    if (link) {
      const a = root.createElement("a");
      a.href = link.href;
      a.textContent = link.label;
      explainOut.append(" ", a);
    }
  };

  send.addEventListener("click", async () => {
    send.disabled = true;
    show(requestOut, null, requestHeading);
    show(answerOut, null, answerHeading);
    explainOut.hidden = true;
    try {
      const input: Record<string, unknown> = {};
      for (const control of form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
        "[data-field]",
      )) {
        const name = control.dataset.field ?? "";
        const value = readValue(name, (control.dataset.kind ?? "string") as TryItKind, control.value);
        if (value !== undefined) input[name] = value;
      }
      const credentials: Record<string, string> = {};
      for (const key of form.querySelectorAll<HTMLInputElement>("[data-key]"))
        if (key.value) credentials[key.dataset.key ?? ""] = key.value;
      const endpoint = target.value.trim().replace(/\/+$/, "");
      if (!/^https?:\/\/[^/]/.test(endpoint)) throw new FormError("Target: an http:// or https:// URL");
      let built: HttpRequest;
      try {
        built = client.buildRequest(data.operation, input, { region: region.value, endpoint });
      } catch (e) {
        throw new FormError((e as Error).message);
      }
      const signed = await client.signRequest(built, {
        credentials,
        now: Date.now(),
        region: region.value,
      });
      show(requestOut, shownRequest(signed.request), requestHeading);
      const { host: _host, ...headers } = signed.request.headers;
      let answer: Response;
      try {
        answer = await fetch(signed.request.url, {
          method: signed.request.method,
          headers,
          ...(signed.request.body !== undefined ? { body: signed.request.body } : {}),
          credentials: "omit",
          cache: "no-store",
          referrerPolicy: "no-referrer",
        });
      } catch {
        throw new FormError(
          `Could not reach ${endpoint}: is the mock running there (pnpm docs:try)? A target on another origin must allow this page's origin (the mock's --cors).`,
        );
      }
      const text = await answer.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      const headerLines = ["content-type", "x-amzn-errortype", "x-amzn-requestid"]
        .map((h) => [h, answer.headers.get(h)])
        .filter(([, v]) => v)
        .map(([h, v]) => `${h}: ${v}`);
      show(
        answerOut,
        [
          `HTTP ${answer.status} ${answer.statusText}`.trim(),
          ...headerLines,
          "",
          body === undefined ? text : JSON.stringify(body, null, 2),
        ].join("\n"),
        answerHeading,
      );
      const code = errorCodeOf(answer.headers, body);
      if (code) {
        const meaning = explain(code, data.errors);
        if (meaning)
          explainText(`Error ${code}: ${meaning.text}`, {
            href: meaning.href,
            label: meaning.code === code ? "See the error code" : `See ${meaning.code}`,
          });
        else explainText(`Error ${code}: not a documented code of this operation.`);
        explainOut.dataset.outcome = "error";
      } else {
        explainText(answer.ok ? "Success." : `HTTP ${answer.status} without an error code.`);
        explainOut.dataset.outcome = answer.ok ? "success" : "error";
      }
    } catch (e) {
      explainText(e instanceof FormError ? e.message : `Could not sign the request: ${(e as Error).message}`);
      explainOut.dataset.outcome = "form";
    } finally {
      send.disabled = false;
    }
  });
}
