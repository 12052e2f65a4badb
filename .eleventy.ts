import { afterBuild } from "./scripts/build/after-build.ts";
import { createBuildContext, type BuildContext } from "./scripts/build/build-context.ts";
import { contentDir, outputDir } from "./scripts/build/config.ts";
import { renderAtWrite } from "./scripts/build/render/render-at-write.ts";
import { transformImagesInHtml } from "./scripts/build/images/html.ts";

/**
 * Eleventy only wires the stages together for the production build: content is loaded, validated
 * and modelled once per build (scripts/), and routes/ turns the model into pages. `npm start` does
 * not use Eleventy: scripts/tools/dev/server.ts renders the same routes on request.
 */
export default function (eleventyConfig: any) {
  const pages = renderAtWrite();
  eleventyConfig.addExtension(["11ty.tsx", "11ty.ts"], {
    key: "11ty.js",
    compile: () =>
      function (this: { defaultRenderer: (data: unknown) => unknown }, data: { page: { outputPath: unknown } }) {
        return pages.defer(data.page.outputPath, () => this.defaultRenderer(data));
      },
  });
  eleventyConfig.addTemplateFormats(["11ty.tsx", "11ty.ts"]);
  let build: BuildContext | undefined;
  eleventyConfig.addGlobalData("build", async () => (build = await createBuildContext()));
  eleventyConfig.on("eleventy.after", () => build && afterBuild(build, outputDir));

  // First: the page is rendered now, as it is written (scripts/build/render/render-at-write.ts).
  eleventyConfig.addTransform("render", function (this: { page: { outputPath?: string | false } }, content: string) {
    return pages.render(this.page.outputPath, content);
  });
  // content/media is not copied as it is: images are re-encoded by the transform, documents
  // copied after the build (scripts/build/publish/media-files.ts), anything else refused.
  eleventyConfig.addTransform("images", async function (this: { page: { outputPath?: string | false } }, content: string) {
    const page = this.page.outputPath;
    return build && typeof page === "string" && page.endsWith(".html") ? transformImagesInHtml(content, { images: build.images, page }) : content;
  });
  // Last: a page leaves as UTF-8 bytes. Eleventy holds every written page until the build ends; as
  // bytes it sits outside the JS heap, at about half the size of the string, never copied by the GC.
  eleventyConfig.addTransform("utf8", (content: string | Buffer) => (typeof content === "string" ? Buffer.from(content) : content));
  eleventyConfig.setQuietMode(true);

  return {
    dir: { input: "routes", output: outputDir },
  };
}
