import { build } from "esbuild";
const f = process.argv[2];
const r = await build({ entryPoints: [f], bundle: false, minify: true, format: "esm", write: false, target: "es2022" });
console.log(r.outputFiles[0].text);
