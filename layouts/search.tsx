import type { BuildContext } from "../scripts/build/build-context.ts";
import { searchCategories } from "../scripts/build/search/from-model.ts";
import { SearchPage } from "./search-page.tsx";
import { Base } from "./base.tsx";
import { FIXED_PAGES } from "../scripts/build/urls.ts";

export function SearchPageLayout({ build }: { build: BuildContext }) {
  return (
    <Base build={build} title="Tìm kiếm" url={FIXED_PAGES.search} noindex script={build.assets.search}>
      <SearchPage categories={searchCategories(build.model)} />
    </Base>
  );
}
