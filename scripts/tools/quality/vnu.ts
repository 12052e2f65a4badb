import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { isMain, runCli, siteRoot } from "./cli.ts";

/** One message of the Nu Html Checker's JSON output. */
export interface VnuMessage {
  type: "error" | "info" | "non-document-error";
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

export interface VnuResult {
  errors: VnuMessage[];
  warnings: VnuMessage[];
}

const jarPath = join(dirname(createRequire(import.meta.url).resolve("vnu-jar")), "build/dist/vnu.jar");

function runJava(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("java", args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error) =>
      reject(new Error(`cannot run java (${error.message}): install a JRE 17+, e.g. apt-get install default-jre-headless`)),
    );
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

/**
 * Validate HTML files, or every .html file under a directory, with the Nu Html Checker (vnu.jar).
 * Errors include vnu's "non-document-error" (a file it could not read); warnings are kept apart.
 */
export async function validateHtml(paths: string[]): Promise<VnuResult> {
  const { code, stderr } = await runJava(["-jar", jarPath, "--format", "json", "--skip-non-html", ...paths]);
  let messages: VnuMessage[];
  try {
    messages = (JSON.parse(stderr) as { messages: VnuMessage[] }).messages;
  } catch {
    throw new Error(`vnu.jar exited with ${code} without a JSON report:\n${stderr.slice(0, 2000)}`);
  }
  return {
    errors: messages.filter((m) => m.type !== "info"),
    warnings: messages.filter((m) => m.type === "info" && m.subType === "warning"),
  };
}

/** "path:line:col: message «extract»", with paths relative to `root`. */
export function formatVnuMessages(messages: VnuMessage[], root: string): string {
  return messages
    .map((m) => {
      const file = m.url?.startsWith("file:") ? relative(root, fileURLToPath(m.url)) : (m.url ?? "?");
      const extract = m.extract === undefined ? "" : ` «${m.extract.replace(/\s+/g, " ").trim()}»`;
      return `${file}:${m.lastLine ?? "?"}:${m.firstColumn ?? "?"}: ${m.message}${extract}`;
    })
    .join("\n");
}

if (isMain(import.meta.url)) {
  runCli(async () => {
    const root = siteRoot(process.argv.slice(2));
    const { errors, warnings } = await validateHtml([root]);
    if (errors.length > 0) console.error(formatVnuMessages(errors, root));
    console.log(`vnu: ${errors.length} errors, ${warnings.length} warnings in ${root}`);
    return errors.length === 0 ? 0 : 1;
  });
}
