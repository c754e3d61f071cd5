import { fileURLToPath } from "node:url";
import { describePackageShape } from "@voicetask/test-kit/package-shape";

// node10 included: `typesVersions` maps the subpaths for TypeScript's `moduleResolution: node`, still common in
// Jest projects (ts-jest).
describePackageShape(
  fileURLToPath(new URL("..", import.meta.url)),
  [
    ".",
    "./control-model",
    "./jest",
    "./jest/global-setup",
    "./jest/global-teardown",
    "./package.json",
    "./testing",
    "./vitest",
    "./vitest/global-setup",
  ],
  { node10: true },
);
