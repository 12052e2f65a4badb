// npm run fixtures -- --articles N --out DIR [--seed S] [--images K]
import { parseArgs } from "node:util";
import { generateFixtures } from "../fixtures/generate.ts";
import { runCli } from "./run.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "100" },
    out: { type: "string" },
    seed: { type: "string", default: "1" },
    images: { type: "string", default: "12" },
  },
});
runCli(async () => {
  if (!values.out) {
    console.error("usage: npm run fixtures -- --articles N --out DIR [--seed S] [--images K]");
    return 2;
  }
  const files = await generateFixtures({
    articles: Number(values.articles),
    out: values.out,
    seed: Number(values.seed),
    images: Number(values.images),
  });
  console.log(`Wrote ${files.length} articles to ${values.out}`);
  return 0;
});
