import { describePackageShape } from "@voicetask/test-kit/package-shape";
import { packageDir } from "./package-dir.js";

describePackageShape(packageDir, [".", "./events", "./package.json", "./raw", "./request", "./spec"]);
