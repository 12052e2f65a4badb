import type { BuildContext } from "../scripts/build-context.ts";

/** The data every route receives from Eleventy: the shared build context plus its pagination alias. */
export type RouteData<T = unknown> = { build: BuildContext } & T;
