import type { HeadMetaData } from "../scripts/build/publish/metadata.ts";
import { jsonLdText } from "../scripts/build/publish/metadata.ts";

/**
 * Open Graph, Twitter card and JSON-LD tags for the base layout's <head>
 * (the canonical link is the layout's own). JSON-LD is data, never executed,
 * so the CSP allows it.
 */
export function HeadMeta({ meta, siteName }: { meta: HeadMetaData; siteName: string }) {
  return (
    <>
      <meta property="og:site_name" content={siteName} />
      <meta property="og:locale" content="vi_VN" />
      <meta property="og:type" content={meta.type} />
      <meta property="og:title" content={meta.title} />
      {meta.description && <meta property="og:description" content={meta.description} />}
      <meta property="og:url" content={meta.canonical} />
      <meta property="og:image" content={meta.image.url} />
      <meta property="og:image:alt" content={meta.image.alt} />
      {meta.image.width && <meta property="og:image:width" content={String(meta.image.width)} />}
      {meta.image.height && <meta property="og:image:height" content={String(meta.image.height)} />}
      {meta.publishedTime && <meta property="article:published_time" content={meta.publishedTime} />}
      {meta.section && <meta property="article:section" content={meta.section} />}
      {meta.tags.map((tag) => (
        <meta property="article:tag" content={tag} />
      ))}
      <meta name="twitter:card" content="summary_large_image" />
      <meta name="twitter:title" content={meta.title} />
      {meta.description && <meta name="twitter:description" content={meta.description} />}
      <meta name="twitter:image" content={meta.image.url} />
      <meta name="twitter:image:alt" content={meta.image.alt} />
      {meta.jsonLd.map((data) => (
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />
      ))}
    </>
  );
}
