// decap-cms-lib-widgets ships no type declarations; this covers what scripts/build/admin/vietnam-time.ts uses.
declare module "decap-cms-lib-widgets" {
  export const stringTemplate: { dateParsers: Record<string, (date: Date) => string> };
}

// Decap's English phrases: the reference test/unit/admin-config.test.ts checks our Vietnamese locale against.
declare module "decap-cms-locales/dist/esm/en/index.js" {
  const en: Record<string, unknown>;
  export default en;
}

// Decap's own front matter writer, so the editor UI checks the very text it is about to save.
declare module "decap-cms-core/dist/esm/formats/frontmatter" {
  export const FrontmatterInfer: { toFile(data: Record<string, unknown>, sortedKeys?: string[]): string };
}
declare module "decap-cms-core/dist/esm/formats/yaml" {
  const yaml: { toFile(data: Record<string, unknown>, sortedKeys?: string[]): string };
  export default yaml;
}
