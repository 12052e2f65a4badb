import type { BuildContext } from "../scripts/build-context.ts";
import { searchCategories } from "../scripts/search/from-model.ts";
import { SearchPage } from "../scripts/search/SearchPage.tsx";
import { Base } from "./base.tsx";

export function SearchPageLayout({ build }: { build: BuildContext }) {
  return (
    <Base build={build} title="Tìm kiếm" url="/tim-kiem/" noindex script={build.assets.search}>
      <SearchPage categories={searchCategories(build.model)} />
    </Base>
  );
}
