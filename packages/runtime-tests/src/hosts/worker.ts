// Host of a program in a Worker (workerd): credentials from env bindings, the rest of the run's config from the
// RUN_CONFIG binding. Routes: `/run` runs the program; `/task` starts a task and `/calls?task=&n=` makes n
// overlapping calls on one account, so the harness can spread concurrent calls over overlapping requests.
import { callsOnOneAccount, startConcurrentTask } from "../in-runtime/concurrent.js";
import type { RunConfig } from "../in-runtime/config.js";
import { outcome } from "../in-runtime/outcome.js";

export interface Env {
  TENCENTCLOUD_SECRET_ID: string;
  TENCENTCLOUD_SECRET_KEY: string;
  AWS_ACCESS_KEY_ID: string;
  AWS_SECRET_ACCESS_KEY: string;
  RUN_CONFIG: string;
}

function configFrom(env: Env): RunConfig {
  const config = JSON.parse(env.RUN_CONFIG) as RunConfig;
  const lifecycle = { secretId: env.TENCENTCLOUD_SECRET_ID, secretKey: env.TENCENTCLOUD_SECRET_KEY };
  const aws = { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY };
  return { ...config, tencent: { ...config.tencent, lifecycle }, chimeCredentials: aws };
}

export function worker(program: (config: RunConfig) => Promise<unknown>) {
  return {
    async fetch(request: Request, env: Env): Promise<Response> {
      const config = configFrom(env);
      const url = new URL(request.url);
      if (url.pathname === "/run") return Response.json(await outcome(() => program(config)));
      if (url.pathname === "/task") return Response.json(await startConcurrentTask(config));
      if (url.pathname === "/calls") {
        const task = url.searchParams.get("task") ?? "";
        return Response.json(await callsOnOneAccount(config, task, Number(url.searchParams.get("n"))));
      }
      return new Response("not found", { status: 404 });
    },
  };
}
