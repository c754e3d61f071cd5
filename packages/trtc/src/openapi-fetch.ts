import * as openapiFetch from "openapi-fetch";

type CreateClient = typeof openapiFetch.default;

/**
 * openapi-fetch's `createClient`, whatever the module system. The package has only a default export, and its
 * CJS build sets `exports.default`; a `require` of our CJS build goes through Node-mode interop, which hands
 * back the whole `exports` object as the default, so the function is one `.default` further down there.
 */
export const createClient: CreateClient =
  typeof openapiFetch.default === "function"
    ? openapiFetch.default
    : (openapiFetch.default as unknown as { default: CreateClient }).default;
