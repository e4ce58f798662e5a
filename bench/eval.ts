import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pLimit from "p-limit";
import {
  answersMatch,
  evaluate,
  type LanguageModel,
  type LedgerItem,
  openai,
  openLedger,
  type Problem,
  renderReport,
  runStrategy,
  summarize,
} from "../src/index.js";
import { answeringReply } from "../test/helpers/answering-server.js";
import { startOpenAITestServer } from "../test/helpers/openai-test-server.js";
import { type BenchResult, type Figure, printFigure } from "./figures.js";
import { describeMachine, percentile } from "./stats.js";

// evaluate() against the same strategy calls made with the same concurrency and nothing
// else (no ledger, no events, no summary), on a loopback server, alternating rounds so
// both meet the same machine load; then the report for a run the size of GSM8K's test
// set (1,319 problems, three strategies).

const PROBLEMS = 300;
const ROUNDS = 9;
const CONCURRENCY = 8;

/** Measures evaluate()'s cost per item over bare strategy calls, and the report's. */
export async function benchEval(): Promise<BenchResult> {
  process.stdout.write(`machine: ${await describeMachine()}\n`);
  const problems = Array.from({ length: PROBLEMS }, (_, index) => ({
    id: `p${index}`,
    question: `What is ${index} plus ${index + 1}?`,
    answer: String(2 * index + 1),
  }));
  const server = await startOpenAITestServer();
  server.answerWith(answeringReply(problems));
  const model = openai({ model: "bench", baseURL: server.baseURL });

  try {
    await bare(model, problems.slice(0, 100));
    const samples = { bare: [] as number[], ours: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      samples.bare.push(await bare(model, problems));
      samples.ours.push(await evaluated(model, problems));
    }
    const perItem: Figure = {
      label: `time per item, ${PROBLEMS} items, concurrency ${CONCURRENCY}`,
      value: percentile(samples.ours, 0.5),
      unit: "ms",
      baseline: { label: "the strategy calls alone", value: percentile(samples.bare, 0.5) },
      target: "printed",
    };
    const report = reportFigures();
    const figures = [perItem, ...report];
    for (const figure of figures) printFigure(figure);

    const ratio = perItem.value / (perItem.baseline?.value ?? 1);
    const summary = `eval: ${ratio.toFixed(2)}x bare strategy calls, report of 3,957 items in ${report[0]?.value.toFixed(0)} ms (${report[1]?.value.toFixed(0)} KB)`;
    process.stdout.write(`${summary}\n`);
    return { figures, summary };
  } finally {
    await server.close();
  }
}

/** Milliseconds per item for the strategy calls and scoring alone. */
async function bare(model: LanguageModel, problems: Problem[]): Promise<number> {
  const limit = pLimit(CONCURRENCY);
  const startedAt = performance.now();
  await Promise.all(
    problems.map((problem) =>
      limit(async () => {
        const result = await runStrategy("cot", { model, question: problem.question });
        return answersMatch(result.answer, problem.answer);
      }),
    ),
  );
  return (performance.now() - startedAt) / problems.length;
}

/** Milliseconds per item for evaluate() with a ledger on disk. */
async function evaluated(model: LanguageModel, problems: Problem[]): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), "cotpot-bench-eval-"));
  const ledger = await openLedger(join(folder, "ledger.jsonl"), { resume: false });
  const startedAt = performance.now();
  let events = 0;
  await evaluate({
    model,
    problems,
    strategies: ["cot"],
    concurrency: CONCURRENCY,
    ledger,
    onEvent: () => {
      events += 1;
    },
  });
  const perItem = (performance.now() - startedAt) / problems.length;
  await ledger.close();
  rmSync(folder, { recursive: true });
  if (events !== problems.length + 1) throw new Error("evaluate() missed progress events");
  return perItem;
}

/** The report for 1,319 problems × 3 strategies, against serializing its items as JSON. */
function reportFigures(): Figure[] {
  const items = syntheticItems(1319, ["direct", "cot", "pot"]);
  const summary = summarize(items);
  const render = () =>
    renderReport({ title: "bench", model: "bench", dataset: "gsm8k", items, summary });
  render();

  const times = { ours: [] as number[], json: [] as number[] };
  let html = "";
  for (let round = 0; round < 7; round++) {
    let startedAt = performance.now();
    html = render();
    times.ours.push(performance.now() - startedAt);
    startedAt = performance.now();
    JSON.stringify(items);
    times.json.push(performance.now() - startedAt);
  }
  return [
    {
      label: "render the report of 3,957 items",
      value: percentile(times.ours, 0.5),
      unit: "ms",
      baseline: { label: "JSON.stringify of the items", value: percentile(times.json, 0.5) },
      target: "printed",
    },
    {
      label: "the report's size (Chart.js included)",
      value: Buffer.byteLength(html) / 1024,
      unit: "KB",
      target: "printed",
    },
  ];
}

function syntheticItems(count: number, strategies: string[]): LedgerItem[] {
  return strategies.flatMap((strategy) =>
    Array.from({ length: count }, (_, index) => {
      const correct = index % 5 !== 0;
      return {
        problemId: `test.jsonl:${index + 1}`,
        strategy,
        question: `Janet's ducks lay ${index} eggs per day. She eats three for breakfast and bakes muffins with four. How many are left to sell at $2 each?`,
        gold: String(index),
        answer: correct ? String(index) : String(index + 1),
        correct,
        usage: { promptTokens: 420, completionTokens: 160, cachedPromptTokens: 380 },
        latencyMs: 300 + ((index * 37) % 900),
        calls: 1,
        attempts: [{ purpose: "reason" }],
        reasoning:
          "She lays 16 eggs.\nShe uses 3 + 4 = 7.\n16 - 7 = 9 are left.\n9 * 2 = 18.\nThe answer is 18.",
        finishedAt: "2026-12-03T00:00:00.000Z",
      };
    }),
  );
}
