import { fileURLToPath } from "node:url";
import type { WidgetDefinition } from "../widget.ts";
import { loadQuotes, type QuotesData } from "./data.ts";
import { Quotes } from "./Quotes.tsx";

export const quotes: WidgetDefinition<"quotes", QuotesData> = {
  name: "quotes",
  dataFile: "quotes.yaml",
  load: async ({ contentDir, now }) => {
    const { data, issues } = await loadQuotes(contentDir, now);
    return { data: data.quotes.length > 0 ? data : undefined, issues };
  },
  Component: Quotes,
  client: fileURLToPath(new URL("./client.ts", import.meta.url)),
};
