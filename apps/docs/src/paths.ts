import { fileURLToPath } from "node:url";

/** Absolute paths the build reads from and writes to. */
export const appDir = fileURLToPath(new URL("..", import.meta.url));
export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
export const contentDir = fileURLToPath(new URL("../content", import.meta.url));
export const assetsDir = fileURLToPath(new URL("./assets", import.meta.url));
export const distDir = fileURLToPath(new URL("../dist", import.meta.url));
