import { createServer, type Server } from "node:http";
import { verifySigV4 } from "@voicetask/core";
import { listenOnLoopback, readWire, servePage } from "@voicetask/test-kit/stand-in";

export const consumerCredentials = {
  accessKeyId: "AKIDCONSUMEREXAMPLE",
  secretAccessKey: "consumer/secret+EXAMPLE",
};

export interface Seen {
  method: string;
  url: string;
  verified: boolean;
}

const TASK = /^\/voice-connectors\/([^/]+)\/speaker-search-tasks\/([^/?]+)(\?operation=stop)?$/;

/**
 * A local Chime SDK Voice stand-in on 127.0.0.1 that answers only requests signed with
 * {@link consumerCredentials} for `chime` (checked with core's verifier), in the restJson1 wire format; it also
 * serves `GET /` (a page) and `GET /app.js` (a browser bundle) so a browser can call it from the same origin.
 */
export async function startChimeServer(
  appJs?: string,
): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer(async (req, res) => {
    if (req.method === "GET" && !req.url?.startsWith("/voice-connectors/")) return servePage(req, res, appJs);
    const request = await readWire(req);
    const check = await verifySigV4(request, {
      service: "chime",
      lookupSecret: (id) =>
        id === consumerCredentials.accessKeyId ? consumerCredentials.secretAccessKey : undefined,
    });
    seen.push({ method: request.method, url: request.url, verified: check.ok });
    const requestId = `req-${seen.length}`;
    const error = (status: number, type: string, message: string) =>
      res
        .writeHead(status, {
          "content-type": "application/json",
          "x-amzn-ErrorType": type,
          "x-amzn-RequestId": requestId,
        })
        .end(JSON.stringify({ Message: message }));
    if (!check.ok) return error(check.httpStatus, check.code, check.message);
    const match = TASK.exec(request.url);
    if (!match || decodeURIComponent(match[2]!) === "missing")
      return error(404, "NotFoundException", "No such task.");
    if (match[3]) return res.writeHead(204, { "x-amzn-RequestId": requestId }).end();
    res.writeHead(200, { "content-type": "application/json", "x-amzn-RequestId": requestId }).end(
      JSON.stringify({
        SpeakerSearchTask: {
          SpeakerSearchTaskId: decodeURIComponent(match[2]!),
          SpeakerSearchTaskStatus: "IN_PROGRESS",
          CreatedTimestamp: "2024-01-02T03:04:05.678Z",
        },
      }),
    );
  });
  return { url: await listenOnLoopback(server), seen, server };
}
