import type { BuildContext } from "../scripts/build/build-context.ts";
import type { Page } from "../scripts/build/model/types.ts";
import { Base } from "./base.tsx";
import { Contact, Html } from "./components.tsx";
import { FIXED_FILES, FIXED_PAGES } from "../scripts/build/urls.ts";

export function StaticPage({ build, page }: { build: BuildContext; page: Page }) {
  return (
    <Base build={build} title={page.title} description={page.summary} url={page.url}>
      <article class="static-page" data-pagefind-body>
        <h1>{page.title}</h1>
        <Html class="prose" html={page.html} />
        {page.frontMatter.show_contact && <Contact site={build.model.site} class="contact-list" />}
      </article>
    </Base>
  );
}

export function NotFoundPage({ build }: { build: BuildContext }) {
  return (
    <Base build={build} title="Không tìm thấy trang" url={FIXED_FILES.notFound} noindex>
      <h1>Không tìm thấy trang</h1>
      <p>Trang bạn tìm không tồn tại hoặc đã được chuyển sang địa chỉ khác.</p>
      <ul>
        <li>
          <a href={FIXED_PAGES.home}>Về trang chủ</a>
        </li>
        <li>
          <a href={FIXED_PAGES.search}>Tìm kiếm bài viết</a>
        </li>
        <li>
          <a href={FIXED_PAGES.archive}>Xem lưu trữ theo năm và chuyên mục</a>
        </li>
      </ul>
    </Base>
  );
}
