import { join } from "node:path";
import { writeAssets } from "./scripts/assets.ts";
import { createBuildContext, type BuildContext } from "./scripts/build-context.ts";
import { contentDir, outputDir } from "./scripts/config.ts";
import { writeDefaultOgImage } from "./scripts/publish/og-image.ts";

/**
 * Eleventy only wires the stages together: content is loaded, validated and
 * modelled once per build (scripts/), and routes/ turns the model into pages.
 */
export default function (eleventyConfig: any) {
  eleventyConfig.addExtension(["11ty.tsx", "11ty.ts"], { key: "11ty.js" });
  eleventyConfig.addTemplateFormats(["11ty.tsx", "11ty.ts"]);
  let build: BuildContext | undefined;
  eleventyConfig.addGlobalData("build", async () => (build = await createBuildContext()));
  eleventyConfig.on("eleventy.after", async () => {
    if (!build) return;
    await Promise.all([writeAssets(outputDir, build.assets), writeDefaultOgImage(outputDir, build.model.site.name)]);
  });

  eleventyConfig.addPassthroughCopy({ [join(contentDir, "media")]: "media" });
  eleventyConfig.addWatchTarget(contentDir);
  eleventyConfig.addWatchTarget("./layouts/");
  eleventyConfig.addWatchTarget("./widgets/");
  eleventyConfig.addWatchTarget("./assets/");
  eleventyConfig.setQuietMode(true);

  return {
    dir: { input: "routes", output: outputDir },
  };
}
