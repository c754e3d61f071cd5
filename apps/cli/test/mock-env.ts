import { type MockServer, type MockServerOptions, startMockServer } from "@voicetask/mock";

export interface MockEnv {
  mock: MockServer;
  /** Environment for the bin: the mock's demo keys, regions and both endpoints. */
  env: Record<string, string>;
}

/** Starts the real mock (`@voicetask/mock`) on a free port with its documented demo keys (and `options`). */
export async function startMock(options: MockServerOptions = {}): Promise<MockEnv> {
  const mock = await startMockServer({ port: 0, logLevel: "error", ...options });
  const tencent = mock.credentials.tencent![0]!;
  const aws = mock.credentials.aws![0]!;
  return {
    mock,
    env: {
      TENCENTCLOUD_SECRET_ID: tencent.secretId,
      TENCENTCLOUD_SECRET_KEY: tencent.secretKey,
      TENCENTCLOUD_REGION: "ap-singapore",
      VOICETASK_TRTC_ENDPOINT: mock.url,
      AWS_ACCESS_KEY_ID: aws.accessKeyId,
      AWS_SECRET_ACCESS_KEY: aws.secretAccessKey,
      AWS_REGION: "us-east-1",
      AWS_ENDPOINT_URL_CHIME_SDK_VOICE: mock.url,
    },
  };
}
