/** A restJson1 error of Chime SDK Voice: status, `x-amzn-ErrorType` shape name, body `{Code, Message}`. */
export class ChimeError extends Error {
  constructor(
    /** The error shape name, e.g. `NotFoundException`. */
    readonly shape: string,
    message: string,
    readonly status: number,
    /** Front-door (authentication, routing) errors carry `{"message"}` and no `Code`. */
    readonly frontDoor = false,
  ) {
    super(message);
    this.name = "ChimeError";
  }
}

/** The `ErrorCode` enum value of each modelled error shape. */
const ERROR_CODE: Record<string, string> = {
  BadRequestException: "BadRequest",
  ConflictException: "Conflict",
  ForbiddenException: "Forbidden",
  AccessDeniedException: "AccessDenied",
  NotFoundException: "NotFound",
  GoneException: "Gone",
  ResourceLimitExceededException: "ResourceLimitExceeded",
  ServiceFailureException: "ServiceFailure",
  ServiceUnavailableException: "ServiceUnavailable",
  ThrottledClientException: "Throttled",
  UnauthorizedClientException: "Unauthorized",
  UnprocessableEntityException: "Unprocessable",
};

/** HTTP status of each modelled error shape (the `httpError` traits), used when an operation lacks the shape. */
export const ERROR_STATUS: Record<string, number> = {
  BadRequestException: 400,
  ResourceLimitExceededException: 400,
  UnauthorizedClientException: 401,
  ForbiddenException: 403,
  AccessDeniedException: 403,
  NotFoundException: 404,
  ConflictException: 409,
  GoneException: 410,
  UnprocessableEntityException: 422,
  ThrottledClientException: 429,
  ServiceFailureException: 500,
  ServiceUnavailableException: 503,
};

export function chimeErrorBody(e: ChimeError): Record<string, string> {
  if (e.frontDoor) return { message: e.message };
  const code = ERROR_CODE[e.shape];
  return code ? { Code: code, Message: e.message } : { Message: e.message };
}

export const badRequest = (message: string) => new ChimeError("BadRequestException", message, 400);
export const serviceFailure = () =>
  new ChimeError("ServiceFailureException", "The service encountered an unexpected error.", 500);
