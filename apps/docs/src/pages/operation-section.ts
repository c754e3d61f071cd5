import type { OperationModel } from "@voicetask/core";
import type { DocsApi } from "../model/load.js";
import type { AnchoredField } from "../render/field-anchors.js";
import type { ExampleInput } from "../samples/example-input.js";

/** What every section of an operation page reads: the API, the operation, its example input, the anchors. */
export interface OperationContext {
  api: DocsApi;
  op: OperationModel;
  /** The page's path in the site. */
  path: string;
  input: ExampleInput;
  /** Ids given on the page so far, and the fields that got one (for the search index). */
  used: Set<string>;
  fields: AnchoredField[];
}

export interface RenderedSection {
  /** The heading's id, linked from the page's jump line. */
  id: string;
  title: string;
  html: string;
}

/** One section of an operation page, from the model; undefined leaves it out of this operation's page. */
export type OperationSection = (
  ctx: OperationContext,
) => RenderedSection | undefined | Promise<RenderedSection | undefined>;
