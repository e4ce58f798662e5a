// An evaluation: which strategy does best on your problems, at what cost?
//
//   npx tsx examples/evaluation.ts [dataset]
//
// Runs direct answering, chain of thought and program of thought on every problem,
// scores each answer against the gold one, and writes a ledger (one JSON line per
// item, so a stopped run can resume) and a self-contained HTML report with charts.
// `cotpot eval` does the same from the command line.

import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultModel, evaluate, loadDataset, openLedger, renderReport } from "cotpot";

const dataset = process.argv[2] ?? fileURLToPath(new URL("problems.jsonl", import.meta.url));
const out = join(tmpdir(), `cotpot-example-eval-${process.pid}`);

// GSM8K JSONL, SVAMP JSON and JSONL of { id?, question, answer } all load the same way.
const problems = (await loadDataset(dataset)).slice(0, 5);
const ledger = await openLedger(join(out, "ledger.jsonl"), { resume: false });
const model = defaultModel();
try {
  const report = await evaluate({
    model,
    problems,
    strategies: ["direct", "cot", "pot"],
    concurrency: 2,
    ledger,
    // Prices per million tokens turn token counts into a cost column.
    prices: { promptPerMillion: 0.15, completionPerMillion: 0.6 },
    onEvent: (event) => {
      if (event.type === "item") {
        const { item } = event;
        console.log(
          `${item.strategy.padEnd(6)} ${item.problemId.padEnd(12)} ${item.correct ? "correct" : `wrong: ${item.answer}`}`,
        );
      }
    },
  });

  const percent = (share: number) => `${(share * 100).toFixed(0)}%`;
  console.table(
    report.summary.map((row) => ({
      strategy: row.strategy,
      accuracy: percent(row.accuracy),
      "95% interval": `${percent(row.interval.low)}–${percent(row.interval.high)}`,
      "tokens in": row.promptTokens,
      "tokens out": row.completionTokens,
      "p50 ms": row.latencyP50Ms,
      cost: `$${row.cost?.toPrecision(2)}`,
    })),
  );

  const reportPath = join(out, "report.html");
  await writeFile(
    reportPath,
    renderReport({ title: "Example evaluation", model: model.name, dataset, ...report }),
  );
  console.log(`\nLedger: ${ledger.path}\nReport: ${reportPath}`);
} finally {
  await ledger.close();
  await model.dispose();
}
