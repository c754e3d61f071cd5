import { describePackageShape } from "@voicetask/test-kit/package-shape";
import { packageDir } from "./package-dir.js";

describePackageShape(packageDir, [
  ".",
  "./callbacks",
  "./package.json",
  "./raw",
  "./request",
  "./spec",
  "./usersig",
]);
