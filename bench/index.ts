// `npm run bench -- [name...]`: runs the named benchmarks, or all of them. Each prints
// its figures against a baseline measured in the same process, and a summary line last.
// A run of all of them also writes docs/PERFORMANCE.md.

import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BenchResult } from "./figures.js";
import { renderPerformanceDoc } from "./performance-doc.js";
import { describeMachine } from "./stats.js";

const BENCHMARKS: Record<string, () => Promise<BenchResult>> = {
  sandbox: async () => (await import("./sandbox.js")).benchSandbox(),
  templates: async () => (await import("./templates.js")).benchTemplates(),
  models: async () => (await import("./models.js")).benchModels(),
  eval: async () => (await import("./eval.js")).benchEval(),
  cli: async () => (await import("./cli-startup.js")).benchCliStartup(),
};
const DOC = fileURLToPath(new URL("../docs/PERFORMANCE.md", import.meta.url));

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  const known = Object.keys(BENCHMARKS).join(", ");
  process.stderr.write(`Unknown benchmark: ${unknown.join(", ")}. Known: ${known}.\n`);
  process.exit(2);
}

const results: Record<string, BenchResult> = {};
for (const name of requested.length > 0 ? requested : Object.keys(BENCHMARKS)) {
  process.stdout.write(`\n## ${name}\n`);
  results[name] = (await BENCHMARKS[name]?.()) as BenchResult;
}

if (requested.length === 0) {
  const doc = renderPerformanceDoc({
    machine: await describeMachine(),
    date: new Date(),
    commit: currentCommit(),
    results,
  });
  mkdirSync(new URL("../docs/", import.meta.url), { recursive: true });
  writeFileSync(DOC, doc);
  process.stdout.write(`\nWrote ${DOC}\n`);
} else {
  process.stdout.write("\n(docs/PERFORMANCE.md is written when every benchmark runs.)\n");
}

function currentCommit(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" });
    // The document this run writes does not count as a change to what was measured.
    const status = ["status", "--porcelain", "--", ".", ":!docs/PERFORMANCE.md"];
    const dirty = execFileSync("git", status, { encoding: "utf8" }) !== "";
    return `${commit.trim()}${dirty ? " (with uncommitted changes)" : ""}`;
  } catch {
    return "unknown (not a git checkout)";
  }
}
