import { fileURLToPath } from "node:url";
import { describeApiReports } from "@voicetask/test-kit/api-report";
import { entriesOf } from "@voicetask/test-kit/api-reports";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
describeApiReports(packageDir, entriesOf(packageDir));
