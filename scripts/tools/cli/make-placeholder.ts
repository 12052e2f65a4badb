// tsx scripts/tools/cli/make-placeholder.ts <out-placeholder.png> "<what the missing photo shows>"
import { drawPlaceholder } from "../import/placeholder.ts";
import { runCli } from "./run.ts";

runCli(async () => {
  const [out, label] = process.argv.slice(2);
  if (!out || !out.includes("placeholder")) {
    console.error('usage: make-placeholder <path containing "placeholder">.png "<description>"');
    return 2;
  }
  await drawPlaceholder(out, label);
  console.log(out);
  return 0;
});
