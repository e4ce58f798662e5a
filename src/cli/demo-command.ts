import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { evaluate, type LedgerItem, loadDataset, openLedger, renderReport } from "../eval/index.js";
import { defaultModel } from "../models/index.js";
import type { StrategyName } from "../strategies/index.js";
import { downloadProgress } from "./download-progress.js";
import { evalProgress } from "./eval-progress.js";
import { programsDemo } from "./programs-demo.js";
import { summaryTable } from "./summary-table.js";

/** The parsed flags of `cotpot demo`. */
export interface DemoCommandOptions {
  model?: string;
  out: string;
  programs?: boolean;
}

const PROBLEMS = fileURLToPath(new URL("../../examples/problems.jsonl", import.meta.url));
const STRATEGIES: StrategyName[] = ["direct", "cot", "pot", "sc"];

/**
 * `cotpot demo` (`npm start`): the bundled example problems through direct answering,
 * Chain of Thought, Program of Thought and self-consistency on the default model,
 * showing for each problem what each strategy did, then the summary and a report.
 * `--programs` instead tours the sandbox with example programs, no model needed.
 *
 * @returns 0 when the demo ran.
 */
export async function demoCommand(options: DemoCommandOptions): Promise<number> {
  if (options.programs) return programsDemo();

  const problems = await loadDataset(PROBLEMS);
  const model = defaultModel({
    ...(options.model === undefined ? {} : { model: options.model }),
    onDownloadProgress: downloadProgress(),
  });
  const ledgerPath = join(options.out, "ledger.jsonl");
  await rm(ledgerPath, { force: true });
  const ledger = await openLedger(ledgerPath, { resume: false });

  const progress = evalProgress();
  try {
    process.stdout.write(
      `Model: ${model.name}. ${problems.length} problems, strategies: ${STRATEGIES.join(", ")}.\n`,
    );
    const report = await evaluate({
      model,
      problems,
      strategies: STRATEGIES,
      ledger,
      samples: 3,
      concurrency: 2,
      onEvent: progress.onEvent,
    });
    progress.finish();

    process.stdout.write(
      `\n${problems.map((problem, index) => describeProblem(index, problem.id, report.items)).join("\n")}\n`,
    );
    const reportPath = join(options.out, "report.html");
    await writeFile(
      reportPath,
      renderReport({
        title: "cotpot demo",
        model: model.name,
        dataset: "examples/problems.jsonl",
        ...report,
      }),
    );
    process.stdout.write(`\n${summaryTable(report.summary)}\n\nReport: ${reportPath}\n`);
    return 0;
  } finally {
    progress.finish();
    await ledger.close();
    await model.dispose();
  }
}

function describeProblem(index: number, id: string, items: readonly LedgerItem[]): string {
  const own = items.filter((item) => item.problemId === id);
  const first = own[0];
  if (!first) return "";
  const lines = [`${index + 1}. ${first.question}\n   (gold answer: ${first.gold})`];
  for (const item of own) lines.push(...describeItem(item));
  return `${lines.join("\n")}\n`;
}

function describeItem(item: LedgerItem): string[] {
  const mark = item.correct ? "✓" : "✗";
  const answer = item.answer === null ? "(no answer)" : clip(item.answer, 60);
  const lines = [
    `   ${mark} ${item.strategy.padEnd(6)} ${answer}${item.error ? `  [${item.error}]` : ""}`,
  ];
  const indent = (text: string) => text.split("\n").map((line) => `       ${line}`);

  // The end of the reasoning is where the answer is; a program is shown from its start.
  if (item.reasoning && item.strategy === "cot") lines.push(...indent(excerpt(item.reasoning, -3)));
  if (item.program) lines.push(...indent(excerpt(item.program, 25)));
  if (item.execution) {
    const outcome = item.execution.ok
      ? `returned ${JSON.stringify(item.execution.answer)}`
      : `failed: ${item.execution.error}`;
    lines.push(...indent(`-> ${clip(outcome, WIDTH)}`));
  }
  if (item.fallback) lines.push(...indent(`fell back to chain of thought: ${item.fallback}`));
  if (item.votes) {
    const votes = item.votes.map((vote) => `${clip(vote.answer, 30)} x${vote.count}`);
    lines.push(...indent(`votes: ${votes.join(", ") || "none"}`));
  }
  return lines;
}

const WIDTH = 160;

/**
 * At most `count` lines of `text` (the last ones, each keeping its end, when `count` is
 * negative), each cut to a terminal's width: a model that rambles does not flood the demo.
 */
function excerpt(text: string, count: number): string {
  const lines = text.trim().split("\n");
  const kept = count < 0 ? lines.slice(count) : lines.slice(0, count);
  const cut = kept.map((line) => clip(line, WIDTH, count < 0 ? "end" : "start"));
  if (kept.length === lines.length) return cut.join("\n");
  return (count < 0 ? ["...", ...cut] : [...cut, "..."]).join("\n");
}

/** `text` cut to `width` characters, keeping its start or its end. */
function clip(text: string, width: number, keep: "start" | "end" = "start"): string {
  if (text.length <= width) return text;
  return keep === "start" ? `${text.slice(0, width - 3)}...` : `...${text.slice(3 - width)}`;
}
