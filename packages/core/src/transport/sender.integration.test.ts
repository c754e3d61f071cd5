// End to end over real HTTP with the real signers and verifiers: a server whose clock runs 10 minutes ahead
// rejects the first signature as expired; the sender learns the offset from the server's Date header and the
// one corrected resend is accepted. Only relative times are asserted.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsRestJsonProtocol } from "../protocols/aws-rest-json.js";
import { tencentProtocol } from "../protocols/tencent.js";
import { signSigV4 } from "../signing/sign-sigv4.js";
import { signTc3 } from "../signing/sign-tc3.js";
import type { WireRequest } from "../signing/types.js";
import { verifySigV4 } from "../signing/verify-sigv4.js";
import { verifyTc3 } from "../signing/verify-tc3.js";
import { readOutgoing } from "./outgoing.js";
import { createSender } from "./sender.js";

const AHEAD_MS = 10 * 60_000;
const tencentKey = { secretId: "AKIDintegration", secretKey: "tencent-secret-key-for-tests" };
const awsKey = { accessKeyId: "AKIAINTEGRATION", secretAccessKey: "aws-secret-key-for-tests" };
let server: Server;
let base: string;
const seen: string[] = [];

async function wire(req: IncomingMessage): Promise<WireRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return {
    method: req.method ?? "GET",
    url: req.url ?? "/",
    headers: req.headers,
    body: new Uint8Array(Buffer.concat(chunks)),
  };
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const serverNow = Date.now() + AHEAD_MS;
    res.sendDate = false;
    res.setHeader("date", new Date(serverNow).toUTCString());
    res.setHeader("content-type", "application/json");
    const w = await wire(req);
    if (req.url?.startsWith("/aws")) {
      const v = await verifySigV4(w, {
        lookupSecret: (id) => (id === awsKey.accessKeyId ? awsKey.secretAccessKey : undefined),
        now: serverNow,
      });
      seen.push(v.ok ? "aws:ok" : `aws:${v.code}`);
      if (!v.ok) {
        res.writeHead(v.httpStatus, { "x-amzn-ErrorType": v.code, "x-amzn-RequestId": "aws-req" });
        res.end(JSON.stringify({ Message: v.message }));
        return;
      }
      res.writeHead(200, { "x-amzn-RequestId": "aws-req" }).end('{"ok":true}');
      return;
    }
    const v = await verifyTc3(w, {
      lookupSecret: (id) => (id === tencentKey.secretId ? tencentKey.secretKey : undefined),
      now: serverNow,
    });
    seen.push(v.ok ? "tc:ok" : `tc:${v.code}`);
    const response = v.ok
      ? { Response: { TaskId: "task-1", RequestId: "tc-req" } }
      : { Response: { Error: { Code: v.code, Message: v.message }, RequestId: "tc-req" } };
    res.writeHead(200).end(JSON.stringify(response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("createSender against a server 10 minutes ahead", () => {
  it("Tencent: SignatureExpire, then the corrected resend succeeds", async () => {
    seen.length = 0;
    const sender = createSender({
      protocol: tencentProtocol,
      sign: async (request, now) =>
        readOutgoing(
          await signTc3(new Request(request.url, request), {
            credentials: tencentKey,
            service: "trtc",
            timestamp: Math.floor(now / 1000),
          }),
        ),
      credentialId: tencentKey.secretId,
    });
    const request = await readOutgoing(
      new Request(`${base}/`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-tc-action": "ControlAIConversation",
          "x-tc-version": "2019-07-22",
        },
        body: JSON.stringify({ TaskId: "task-1", Command: "ServerPushText" }),
      }),
    );
    const result = await sender.send(request, {
      name: "ControlAIConversation",
      rateLimit: 20,
      retry: "never",
    });
    expect(result.data).toEqual({ TaskId: "task-1", RequestId: "tc-req" });
    expect(seen).toEqual(["tc:AuthFailure.SignatureExpire", "tc:ok"]);
    expect(Math.abs(sender.clockOffsetMs() - AHEAD_MS)).toBeLessThan(2000);
  });

  it("AWS: InvalidSignatureException (Signature expired), then the corrected resend succeeds", async () => {
    seen.length = 0;
    const sender = createSender({
      protocol: awsRestJsonProtocol,
      sign: async (request, now) =>
        readOutgoing(
          await signSigV4(new Request(request.url, request), {
            credentials: awsKey,
            region: "us-east-1",
            service: "chime",
            date: new Date(now),
          }),
        ),
    });
    const request = await readOutgoing(
      new Request(`${base}/aws/voice-connectors/vc/speaker-search-tasks/t?operation=stop`, {
        method: "POST",
      }),
    );
    const result = await sender.send(request, {
      name: "StopSpeakerSearchTask",
      rateLimit: 20,
      retry: "always",
    });
    expect(result.data).toEqual({ ok: true });
    expect(seen).toEqual(["aws:InvalidSignatureException", "aws:ok"]);
  });
});
