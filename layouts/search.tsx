import type { BuildContext } from "../scripts/build-context.ts";
import { searchCategories } from "../scripts/search/from-model.ts";
import { SearchPage } from "../scripts/search/SearchPage.tsx";
import { Base } from "./base.tsx";
import { FIXED_PAGES } from "../scripts/urls.ts";

export function SearchPageLayout({ build }: { build: BuildContext }) {
  return (
    <Base build={build} title="Tìm kiếm" url={FIXED_PAGES.search} noindex script={build.assets.search}>
      <SearchPage categories={searchCategories(build.model)} />
    </Base>
  );
}
