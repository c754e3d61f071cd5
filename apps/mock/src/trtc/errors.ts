/** An API-level TRTC error: answered as HTTP 200 with `Response.Error`. */
export class TrtcError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "TrtcError";
  }
}

export const trtcMessages = {
  internal: "An internal error has occurred. Retry your request, but if the problem persists, contact us.",
  invalidAction: "The request `Action` is invalid or not found.",
  noSuchVersion: (version: string, action: string) =>
    `The requested version \`${version}\` of API \`${action}\` is not found.`,
  unsupportedRegion: (region: string) => `The \`Region\` \`${region}\` is not supported by this API.`,
  missing: (name: string) => `The request is missing a required parameter \`${name}\`.`,
  unknown: (name: string) => `The parameter \`${name}\` is not recognized.`,
  tooLarge: (limit: number) => `The request body exceeds the size limit of ${limit} bytes.`,
  rateLimited: (action: string, limit: number) =>
    `Your current request times of \`${action}\` exceed the frequency limit \`${limit}\` in a second.`,
  taskNotExist: "The task does not exist.",
  taskExist: "The task already exists.",
} as const;

export interface TrtcErrorBody {
  Response: { Error: { Code: string; Message: string }; RequestId: string };
}

export const trtcErrorBody = (code: string, message: string, requestId: string): TrtcErrorBody => ({
  Response: { Error: { Code: code, Message: message }, RequestId: requestId },
});
