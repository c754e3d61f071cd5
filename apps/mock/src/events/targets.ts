import type { Redactor } from "@voicetask/core";

/** Where TRTC posts an application's AI conversation callbacks, and the key it signs them with. */
export interface CallbackTarget {
  url: string;
  /** The application's callback key (at most 32 letters and digits); without one, callbacks carry no `Sign`. */
  key?: string;
}

/** A target as the control API shows it: never the key itself. */
export interface CallbackTargetView {
  sdkAppId: string;
  url: string;
  /** Whether callbacks are signed (a key is set). */
  signed: boolean;
}

export interface EventTargetView {
  account: string;
  url: string;
}

/** A target the mock refuses, naming the member and the rule (the control API answers it as 400). */
export class TargetError extends Error {}

const CALLBACK_KEY = /^[A-Za-z0-9]{1,32}$/;

/** A receiver's URL: absolute http(s), nothing else (the mock posts only where it was told). */
export function targetUrl(url: string, member: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TargetError(`${member} must be an absolute http:// or https:// URL`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new TargetError(`${member} must be an http:// or https:// URL, not ${parsed.protocol}`);
  return parsed;
}

/**
 * The receivers events are posted to: per TRTC application (SdkAppId) a callback URL and key, as in the TRTC
 * console; per AWS account (access key id) an EventBridge target URL. Keys are registered with the mock's
 * redactor, so they are masked wherever they might show.
 */
export class EventTargets {
  private readonly trtc = new Map<string, { url: URL; key?: string }>();
  private readonly chime = new Map<string, URL>();

  constructor(
    private readonly redactor: Redactor,
    private readonly maxTargets: number,
  ) {}

  setCallback(sdkAppId: string, target: CallbackTarget): CallbackTargetView {
    if (!/^[0-9]{1,20}$/.test(sdkAppId)) throw new TargetError("sdkAppId must be a decimal SdkAppId");
    const url = targetUrl(target.url, "url");
    if (target.key !== undefined && !CALLBACK_KEY.test(target.key))
      throw new TargetError("key must be 1 to 32 letters and digits (TRTC's rule for callback keys)");
    if (!this.trtc.has(sdkAppId) && this.trtc.size >= this.maxTargets)
      throw new TargetError(`the mock keeps at most ${this.maxTargets} callback targets`);
    if (target.key !== undefined) this.redactor.add(target.key);
    this.trtc.set(sdkAppId, { url, ...(target.key !== undefined ? { key: target.key } : {}) });
    return { sdkAppId, url: url.href, signed: target.key !== undefined };
  }

  callback(sdkAppId: number | string): { url: URL; key?: string } | undefined {
    return this.trtc.get(String(sdkAppId));
  }

  deleteCallback(sdkAppId: string): boolean {
    return this.trtc.delete(sdkAppId);
  }

  setEventTarget(account: string, url: string): EventTargetView {
    const parsed = targetUrl(url, "url");
    if (!this.chime.has(account) && this.chime.size >= this.maxTargets)
      throw new TargetError(`the mock keeps at most ${this.maxTargets} event targets`);
    this.chime.set(account, parsed);
    return { account, url: parsed.href };
  }

  eventTarget(account: string): URL | undefined {
    return this.chime.get(account);
  }

  deleteEventTarget(account: string): boolean {
    return this.chime.delete(account);
  }

  list(): { trtc: CallbackTargetView[]; chime: EventTargetView[] } {
    return {
      trtc: [...this.trtc].map(([sdkAppId, t]) => ({
        sdkAppId,
        url: t.url.href,
        signed: t.key !== undefined,
      })),
      chime: [...this.chime].map(([account, url]) => ({ account, url: url.href })),
    };
  }
}
