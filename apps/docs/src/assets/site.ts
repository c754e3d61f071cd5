// The docs site's one script, bundled at build time (site/bundle.ts) with the libraries it uses, so the pages load
// nothing from outside: copy buttons, sample tabs and instant search.
import { wireCopyButtons } from "./copy.js";
import { wireSearch } from "./search.js";
import { wireTabs } from "./tabs.js";

wireCopyButtons(document);
wireTabs(document);
wireSearch(document);
