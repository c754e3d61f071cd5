import { DEFAULT_LANGUAGE, type Language, type Message, message, render } from "./messages.js";

/**
 * An API-level TRTC error: answered as HTTP 200 with `Response.Error`. The message is a catalog entry, rendered
 * in the request's language when the answer is made (`Error.message` holds the English, for logs).
 */
export class TrtcError extends Error {
  constructor(
    readonly code: string,
    readonly text: Message,
  ) {
    super(render(text, DEFAULT_LANGUAGE));
    this.name = "TrtcError";
  }

  messageIn(language: Language): string {
    return render(this.text, language);
  }
}

/** The messages the task logic throws (the rest are built where the pipeline finds the problem). */
export const trtcMessages = {
  taskNotExist: message("taskNotExist"),
  taskExist: message("taskExist"),
  invalidTaskId: message("invalidTaskId"),
  missing: (name: string) => message("missing", name),
} as const;

export interface TrtcErrorBody {
  Response: { Error: { Code: string; Message: string }; RequestId: string };
}

export const trtcErrorBody = (code: string, message: string, requestId: string): TrtcErrorBody => ({
  Response: { Error: { Code: code, Message: message }, RequestId: requestId },
});
