// Browser entry of /admin/: Decap CMS with every widget, backend and locale; it loads ./config.yml itself.
import CMS from "decap-cms-app";
import { parse, stringify } from "yaml";

// content/_data/{links,quotes,videos}.yaml are lists at the top level, which Decap cannot edit
// (decap-cms#531): this format shows such a file as one field `items` and writes the list back.
CMS.registerCustomFormat("yaml-list", "yaml", {
  fromFile: (text: string) => ({ items: parse(text) ?? [] }),
  toFile: (data: { items?: unknown[] }) => stringify(data.items ?? [], { lineWidth: 0 }),
});

CMS.init();
