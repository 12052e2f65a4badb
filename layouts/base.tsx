import type { ComponentChildren } from "preact";
import type { BuildContext } from "../scripts/build/build-context.ts";
import { HeadMeta } from "./head-meta.tsx";
import { pageMeta, type HeadMetaData } from "../scripts/build/publish/metadata.ts";
import { feedTitle } from "../scripts/build/publish/site-files.ts";
import { Contact, Html } from "./components.tsx";
import { FIXED_FILES, FIXED_PAGES, pageUrl } from "../scripts/build/urls.ts";

export interface BaseProps {
  build: BuildContext;
  title: string;
  description?: string;
  url: string;
  /** Extra <head> content (metadata, feeds). */
  head?: ComponentChildren;
  /** Page-specific script, e.g. the search client. */
  script?: string;
  noindex?: boolean;
  /** Open Graph, Twitter and JSON-LD data; pages other than articles get the site defaults. */
  meta?: HeadMetaData;
  children: ComponentChildren;
}

export function Base({ build, title, description, url, head, script, noindex, meta, children }: BaseProps) {
  const { site, menu } = build.model;
  const fullTitle = url === "/" ? site.name : `${title} – ${site.short_name}`;
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={description || site.description || site.name} />
        {noindex && <meta name="robots" content="noindex" />}
        <link rel="canonical" href={site.url + url} />
        <link rel="icon" href={build.assets.icon} type="image/svg+xml" />
        <link rel="stylesheet" href={build.assets.css} />
        <link rel="alternate" type="application/atom+xml" title={feedTitle(site)} href={FIXED_FILES.feed} />
        <HeadMeta meta={meta ?? pageMeta(site, { title, description, url })} siteName={site.name} />
        {head}
        <script src={build.assets.js} defer />
        {script && <script src={script} defer />}
      </head>
      <body>
        <a class="skip-link" href="#noi-dung">
          Chuyển đến nội dung chính
        </a>
        <header class="site-header">
          <div class="container header-inner">
            <a class="site-name" href={FIXED_PAGES.home}>
              <span class="site-name-full">{site.name}</span>
            </a>
            <form class="header-search" role="search" action={FIXED_PAGES.search} method="get">
              <label for="header-q" class="visually-hidden">
                Tìm kiếm trên trang
              </label>
              <input id="header-q" type="search" name="q" placeholder="Tìm kiếm…" autocomplete="off" />
              <button type="submit">Tìm</button>
            </form>
          </div>
          <nav class="site-nav" aria-label="Menu chính">
            <ul class="container">
              {menu.map((item) => (
                <li>
                  <a href={item.url} aria-current={item.url === url ? "page" : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <div class="container layout">
          <main id="noi-dung" tabindex={-1}>
            {children}
          </main>
          {build.sidebarHtml && <Html class="sidebar-slot" html={build.sidebarHtml} />}
        </div>
        <footer class="site-footer">
          <div class="container">
            <p class="footer-name">{site.name}</p>
            <Contact site={site} class="footer-contact" withPublisher />
            <p class="footer-links">
              <a href={pageUrl("gioi-thieu")}>Giới thiệu</a> · <a href={pageUrl("lien-he")}>Liên hệ</a> · <a href={FIXED_PAGES.archive}>Lưu trữ</a> ·{" "}
              <a href={FIXED_FILES.feed}>Tin RSS</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
