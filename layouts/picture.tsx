import type { VNode } from "preact";
import { FALLBACK_WIDTH } from "../scripts/build/images/config.ts";
import type { OutputFormat } from "../scripts/build/images/encode.ts";
import type { ProcessedImage } from "../scripts/build/images/process.ts";

export interface PictureProps {
  image: ProcessedImage;
  /** Plain text; escaped on output. */
  alt: string;
  /** Must match the CSS width of the slot: one of IMAGE_SIZES. */
  sizes: string;
  /** The first image of a page loads at once and first; every other one lazily. */
  eager: boolean;
  /** Other `<img>` attributes to keep (e.g. title, class), plain text. */
  attrs?: Record<string, string>;
}

const MIME: Record<OutputFormat, string> = {
  avif: "image/avif",
  webp: "image/webp",
  jpeg: "image/jpeg",
  png: "image/png",
};

/** `<picture>` with AVIF and WebP sources and a JPEG/PNG `<img>` that has width and height. */
export function Picture({ image, alt, sizes, eager, attrs }: PictureProps): VNode {
  const fallbacks = image.variants.filter((v) => v.format === image.fallback);
  const src = fallbacks.filter((v) => v.width <= FALLBACK_WIDTH).pop() ?? fallbacks[0]!;
  return (
    <picture>
      {image.formats
        .filter((f) => f !== image.fallback)
        .map((format) => (
          <source type={MIME[format]} srcset={srcset(image, format)} sizes={sizes} />
        ))}
      <img
        {...attrs}
        src={src.url}
        srcset={srcset(image, image.fallback)}
        sizes={sizes}
        width={image.width}
        height={image.height}
        alt={alt}
        loading={eager ? undefined : "lazy"}
        decoding={eager ? undefined : "async"}
        fetchpriority={eager ? "high" : undefined}
      />
    </picture>
  );
}

function srcset(image: ProcessedImage, format: OutputFormat): string {
  return image.variants
    .filter((v) => v.format === format)
    .map((v) => `${v.url} ${v.width}w`)
    .join(", ");
}
