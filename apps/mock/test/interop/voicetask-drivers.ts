import { methods as chimeMethods, createChimeSdkVoiceClient } from "@voicetask/chime-sdk-voice";
import { ServiceError, signTc3, tencentProtocol } from "@voicetask/core";
import { createTrtcClient, methods as trtcMethods, service as trtcService } from "@voicetask/trtc";
import type { ChimeOutcome, Drivers, TrtcOutcome } from "./drivers.js";

/** Method name of an operation, from a client's `methods` table (`stopAIConversation` → `StopAIConversation`). */
function methodOf(table: Record<string, string>, operation: string): string | undefined {
  return Object.entries(table).find(([, name]) => name === operation)?.[0];
}

type Call = (input: unknown) => Promise<Record<string, unknown>>;

/**
 * An action the typed client does not have (the scenarios probe `InvalidAction`): core's signer and Tencent
 * protocol parser, the same pieces the client is made of, on a hand-built API 3.0 request.
 */
function coreCall(
  url: string,
  credentials: { secretId: string; secretKey: string; token?: string },
  region: string,
): (action: string, params: unknown) => Promise<Record<string, unknown>> {
  return async (action, params) => {
    const request = new Request(`${url}/`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-tc-action": action,
        "x-tc-version": trtcService.version,
        "x-tc-region": region,
      },
      body: JSON.stringify(params),
    });
    const response = await fetch(await signTc3(request, { credentials, service: trtcService.signingName }));
    const { data } = await tencentProtocol.parse(response, { operation: action, now: Date.now() });
    return data as Record<string, unknown>;
  };
}

/**
 * The scenarios check single answers (a throttle must come back as a throttle), so the clients' own limiter and
 * retries are off here; the clients' tests prove those.
 */
export const voicetaskDrivers: Drivers = {
  name: "voicetask clients",
  answersIn: "en-US",
  trtc({ url, credentials, region }) {
    const client = createTrtcClient({ region, endpoint: url, credentials, retry: false, rateLimit: false });
    const bare = coreCall(url, credentials, region);
    return async (action, params): Promise<TrtcOutcome> => {
      const method = methodOf(trtcMethods, action);
      const call = method
        ? ((client as unknown as Record<string, Call>)[method] as Call)
        : (input: unknown) => bare(action, input);
      try {
        const { RequestId, ...data } = await call(params);
        return { ok: true, data, requestId: RequestId as string | undefined };
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        return { ok: false, code: error.code, message: error.message, requestId: error.requestId };
      }
    };
  },
  chime({ url, credentials, region, clockOffsetMs }) {
    const client = createChimeSdkVoiceClient({
      region,
      endpoint: url,
      credentials,
      retry: false,
      rateLimit: false,
      ...(clockOffsetMs ? { now: () => Date.now() + clockOffsetMs } : {}),
    });
    return async (operation, input): Promise<ChimeOutcome> => {
      const method = methodOf(chimeMethods, operation);
      if (!method) throw new Error(`the Chime client has no method for ${operation}`);
      const call = (client as unknown as Record<string, Call>)[method] as Call;
      try {
        const { $metadata, ...data } = (await call(input)) as {
          $metadata?: { httpStatusCode?: number; requestId?: string };
        };
        return {
          ok: true,
          data,
          status: $metadata?.httpStatusCode,
          requestId: $metadata?.requestId,
        };
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        // Errors are named by x-amzn-ErrorType (`code` = `NotFoundException`); the body's `Code` enum is not
        // kept, so the outcome has no `code` key.
        return {
          ok: false,
          name: error.name,
          message: error.message,
          status: error.httpStatus,
          requestId: error.requestId,
        };
      }
    };
  },
};
