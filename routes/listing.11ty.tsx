import { ListingPage } from "../layouts/listing.tsx";
import { onePagePer } from "./route.ts";

/** Category, tag and yearly archive pages, already split 20 articles a page by the model. */
export const { data, render } = onePagePer("listings", (build, listing) => <ListingPage build={build} listing={listing} />);
