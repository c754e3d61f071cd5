import { fileURLToPath } from "node:url";

/** This client's package directory (where `dist/`, `package.json` and `node_modules/.bin` are). */
export const packageDir = fileURLToPath(new URL("..", import.meta.url));
