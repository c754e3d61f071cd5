import { describeApiReports } from "@voicetask/test-kit/api-report";
import { entriesOf } from "@voicetask/test-kit/api-reports";
import { packageDir } from "./package-dir.js";

describeApiReports(packageDir, entriesOf(packageDir));
