// A Worker that stops one task: the README's Workers example, measured for size (gzip) and run on workerd
// without nodejs_compat. Credentials come from the Worker's env bindings; TRTC_ENDPOINT points it at the mock.
import { createTrtcClient } from "@voicetask/trtc";

interface Env {
  TENCENTCLOUD_SECRET_ID: string;
  TENCENTCLOUD_SECRET_KEY: string;
  TRTC_ENDPOINT?: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { TaskId } = (await request.json()) as { TaskId: string };
    const trtc = createTrtcClient({
      region: "ap-singapore",
      credentials: { secretId: env.TENCENTCLOUD_SECRET_ID, secretKey: env.TENCENTCLOUD_SECRET_KEY },
      ...(env.TRTC_ENDPOINT ? { endpoint: env.TRTC_ENDPOINT } : {}),
    });
    return Response.json(await trtc.stopAIConversation({ TaskId }));
  },
};
