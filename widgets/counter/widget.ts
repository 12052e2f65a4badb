import { fileURLToPath } from "node:url";
import type { WidgetDefinition } from "../widget.ts";
import { Counter } from "./Counter.tsx";
import { loadCounter, type CounterData } from "./data.ts";

export const counter: WidgetDefinition<"counter", CounterData> = {
  name: "counter",
  dataFile: "counter.yaml",
  load: ({ contentDir, now, counterStore }) => loadCounter(contentDir, { now, store: counterStore }),
  Component: Counter,
  client: fileURLToPath(new URL("./client.ts", import.meta.url)),
};
