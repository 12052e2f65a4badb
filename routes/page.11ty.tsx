import { StaticPage } from "../layouts/page.tsx";
import { onePagePer } from "./route.ts";

export const { data, render } = onePagePer("pages", (build, page) => <StaticPage build={build} page={page} />);
