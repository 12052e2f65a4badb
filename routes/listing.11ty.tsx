import { ListingPage } from "../layouts/listing.tsx";
import type { Listing } from "../scripts/model/types.ts";
import { renderDocument } from "../scripts/render/document.ts";
import type { RouteData } from "./route.ts";

type Data = RouteData<{ listing: Listing }>;

/** Category, tag and yearly archive pages, already split 20 articles a page by the model. */
export const data = {
  pagination: { data: "build.model.listings", size: 1, alias: "listing" },
  permalink: (d: Data) => d.listing.url,
  eleventyExcludeFromCollections: true,
};

export function render({ build, listing }: Data) {
  return renderDocument(<ListingPage build={build} listing={listing} />);
}
