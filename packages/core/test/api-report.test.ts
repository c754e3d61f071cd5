import { fileURLToPath } from "node:url";
// By path, not by package name: test-kit depends on core, so core cannot depend on test-kit.
import { describeApiReports } from "../../test-kit/src/api-report.js";
import { entriesOf } from "../../test-kit/src/api-reports.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
describeApiReports(packageDir, entriesOf(packageDir));
