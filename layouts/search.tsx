import type { BuildContext } from "../scripts/build-context.ts";
import { Base } from "./base.tsx";

export function SearchPageLayout({ build }: { build: BuildContext }) {
  return (
    <Base build={build} title="Tìm kiếm" url="/tim-kiem/" noindex>
      <h1>Tìm kiếm</h1>
      <form class="search-form" role="search" action="/tim-kiem/" method="get">
        <label for="search-q">Từ khóa (có thể gõ không dấu)</label>
        <input id="search-q" type="search" name="q" />
        <button type="submit">Tìm</button>
      </form>
      <p class="search-nojs">
        Tìm kiếm cần JavaScript. Bạn có thể xem <a href="/luu-tru/">lưu trữ theo năm và chuyên mục</a>.
      </p>
    </Base>
  );
}
