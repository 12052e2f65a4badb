/** The image pipeline's public face for the build, layouts and tools. */
export { ARTICLE_SIZES, CARD_SIZES, DEFAULT_CACHE_DIR, OG_HEIGHT, OG_WIDTH } from "./config.ts";
export { checkImages, type ImageRef } from "./check.ts";
export { transformImagesInHtml, type TransformContext } from "./html.ts";
export { Picture, type PictureProps } from "./picture.tsx";
export { ImagePipeline, type ImagePipelineOptions } from "./pipeline.ts";
export { processImage, ImageSourceError, type ImageVariant, type ProcessedImage, type ProcessOptions } from "./process.ts";
