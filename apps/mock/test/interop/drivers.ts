/**
 * Drivers: one way of calling each provider, so the same scenarios (scenarios.ts) can run with the official
 * SDKs here and with voicetask's own clients elsewhere. A driver never throws for API errors: it returns the
 * outcome the caller's code would see.
 */

export type TrtcOutcome =
  | { ok: true; data: Record<string, unknown>; requestId?: string }
  | { ok: false; code: string; message: string; requestId?: string };

export type ChimeOutcome =
  | { ok: true; data: Record<string, unknown>; status?: number; requestId?: string }
  | {
      ok: false;
      /** Error name as the client classifies it (e.g. `NotFoundException`). */
      name: string;
      /** The body's `Code` member (the AWS SDK's `err.Code`). A driver whose client does not keep it leaves the key
       *  out, and the scenarios then check the error by name and status only. */
      code?: string;
      message: string;
      status?: number;
      requestId?: string;
    };

export interface TrtcKeys {
  secretId: string;
  secretKey: string;
  /** A temporary credential's session token. */
  token?: string;
}
export interface AwsKeys {
  accessKeyId: string;
  secretAccessKey: string;
  /** A temporary credential's session token. */
  sessionToken?: string;
}

export interface TrtcDriverOptions {
  /** The mock's base URL. */
  url: string;
  credentials: TrtcKeys;
  region: string;
}
export interface ChimeDriverOptions {
  url: string;
  credentials: AwsKeys;
  region: string;
  /** Shifts the client's clock (ms), to produce expired signatures. */
  clockOffsetMs?: number;
}

export type TrtcCall = (action: string, params: Record<string, unknown>) => Promise<TrtcOutcome>;
export type ChimeCall = (operation: string, input: Record<string, unknown>) => Promise<ChimeOutcome>;

export interface Drivers {
  name: string;
  /** The language the TRTC driver asks for: every TRTC error message must come back in it. */
  answersIn: "en-US" | "zh-CN";
  trtc(o: TrtcDriverOptions): TrtcCall;
  chime(o: ChimeDriverOptions): ChimeCall;
}
