// Generated from content/_data/counter.yaml by writeBaseTotalModule() in widgets/counter/data.ts.
// The build rewrites it before Netlify bundles the function; edit counter.yaml, not this file.
export const BASE_TOTAL = 3994514;
