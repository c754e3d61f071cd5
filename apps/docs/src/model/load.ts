import type { ApiModel, HttpRequest, SignedHttpRequest } from "@voicetask/core";
import { modelApis } from "@voicetask/spec-tools/generate";

/** A client's Fetch-free request builder and signer (`<client>/request`), as the docs call them. */
export interface RequestEntry {
  buildRequest(operation: string, input: object, target: { region: string }): HttpRequest;
  signRequest(
    request: HttpRequest,
    options: { credentials: object; now: number; region: string },
  ): Promise<SignedHttpRequest>;
}

/** One API as the docs render it: the model, and for an API with a client the client's own code. */
export interface DocsApi {
  readonly model: ApiModel;
  /** The client's request builder and signer; none for an API without a client (the mock's control API). */
  readonly request?: RequestEntry;
  /** The names the client package exports; samples call only these (waiters, JSON field helpers). */
  readonly clientExports: ReadonlySet<string>;
}

/**
 * Every API of the registry (`@voicetask/spec-tools`), modelled from its spec, with its client's builder and
 * signer. The registry decides which APIs exist; nothing here names one.
 */
export async function loadApis(): Promise<DocsApi[]> {
  const modelled = await modelApis();
  return Promise.all(
    modelled.map(async ({ model }): Promise<DocsApi> => {
      if (!model.client) return { model, clientExports: new Set() };
      const [main, request] = await Promise.all([
        import(model.client.packageName) as Promise<Record<string, unknown>>,
        import(`${model.client.packageName}/request`) as Promise<RequestEntry>,
      ]);
      return { model, request, clientExports: new Set(Object.keys(main)) };
    }),
  );
}

/** The first server's URL with its variables set to their defaults. */
export function defaultServerUrl(model: ApiModel): string | undefined {
  const server = model.servers[0];
  if (!server) return undefined;
  return server.url.replace(
    /\{([^}]+)\}/g,
    (_, name: string) => server.variables[name]?.default ?? `{${name}}`,
  );
}

/** The Region samples use: the server's default `region`, else the first documented region. */
export function sampleRegion(model: ApiModel): string | undefined {
  return model.servers[0]?.variables.region?.default ?? model.regions[0];
}
