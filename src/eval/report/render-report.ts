import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { LedgerItem } from "../ledger.js";
import type { StrategySummary } from "../summarize.js";
import { summaryCells } from "../summary-cells.js";
import { CHART_SCRIPT } from "./chart-script.js";
import { escapeHtml, scriptJson } from "./escape-html.js";

/** What a report shows. */
export interface ReportInput {
  title: string;
  model: string;
  dataset: string;
  items: readonly LedgerItem[];
  summary: readonly StrategySummary[];
  generatedAt?: Date;
}

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1d2330; }
h1 { margin-bottom: 0.2rem; } .meta { color: #5a6272; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0 2rem; font-variant-numeric: tabular-nums; }
th, td { text-align: right; padding: 0.35rem 0.6rem; border-bottom: 1px solid #dde2ea; }
th:first-child, td:first-child { text-align: left; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1.5rem; }
figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: 0.4rem; }
details { border: 1px solid #dde2ea; border-radius: 6px; margin: 0.5rem 0; padding: 0.4rem 0.8rem; }
summary { cursor: pointer; } .tag { font-size: 0.8rem; background: #eef1f6; border-radius: 4px; padding: 0 0.35rem; margin-right: 0.4rem; }
pre { background: #f6f8fb; padding: 0.6rem; overflow-x: auto; white-space: pre-wrap; }
.error { color: #b3261e; }
`;

/**
 * Renders an evaluation as one self-contained HTML page: the summary table, charts
 * drawn by Chart.js (embedded, so the page needs no network), and every item answered
 * wrongly with its reasoning or program. Everything a model wrote is escaped.
 */
export function renderReport(input: ReportInput): string {
  const generatedAt = (input.generatedAt ?? new Date()).toISOString();
  const data = {
    summary: input.summary,
    items: input.items.map(({ strategy, latencyMs }) => ({ strategy, latencyMs })),
  };
  const failed = input.items.filter((item) => !item.correct);

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(input.title)}</h1>
<p class="meta">Model ${escapeHtml(input.model)} · dataset ${escapeHtml(input.dataset)} · ${input.items.length} items · ${escapeHtml(generatedAt)}</p>
${summaryTable(input.summary)}
<div class="charts">
<figure><figcaption>Accuracy per strategy, with its 95% interval</figcaption><canvas id="accuracy-chart"></canvas></figure>
<figure><figcaption>Tokens per item against accuracy</figcaption><canvas id="tokens-chart"></canvas></figure>
<figure><figcaption>Latency distribution</figcaption><canvas id="latency-chart"></canvas></figure>
</div>
<h2>Answered wrongly (${failed.length})</h2>
${failed.map(failedItem).join("\n") || "<p>None.</p>"}
<script type="application/json" id="report-data">${scriptJson(data)}</script>
<script>${chartLibrary()}</script>
<script>${CHART_SCRIPT}</script>
</body>
</html>
`;
}

function summaryTable(summary: readonly StrategySummary[]): string {
  const { header, rows } = summaryCells(summary);
  const row = (cells: string[], tag: "th" | "td") =>
    `<tr>${cells.map((cell) => `<${tag}>${escapeHtml(cell)}</${tag}>`).join("")}</tr>`;
  return `<table><thead>${row(header, "th")}</thead><tbody>${rows.map((cells) => row(cells, "td")).join("")}</tbody></table>`;
}

function failedItem(item: LedgerItem): string {
  const parts = [`<p><strong>Question.</strong> ${escapeHtml(item.question)}</p>`];
  if (item.error) parts.push(`<p class="error">${escapeHtml(item.error)}</p>`);
  if (item.reasoning)
    parts.push(`<p><strong>Reasoning</strong></p><pre>${escapeHtml(item.reasoning)}</pre>`);
  if (item.program)
    parts.push(`<p><strong>Program</strong></p><pre>${escapeHtml(item.program)}</pre>`);
  if (item.execution) {
    const outcome = item.execution.ok
      ? `returned ${JSON.stringify(item.execution.answer)}`
      : (item.execution.error ?? "failed");
    parts.push(`<p><strong>Execution:</strong> ${escapeHtml(outcome)}</p>`);
  }
  if (item.fallback)
    parts.push(
      `<p><strong>Fell back to chain of thought:</strong> ${escapeHtml(item.fallback)}</p>`,
    );
  if (item.votes) {
    const votes = item.votes.map((vote) => `${vote.answer} ×${vote.count}`).join(", ");
    parts.push(`<p><strong>Votes:</strong> ${escapeHtml(votes || "none")}</p>`);
  }
  const answered = item.answer === null ? "no answer" : `answered ${item.answer}`;
  return `<details><summary><span class="tag">${escapeHtml(item.strategy)}</span>${escapeHtml(item.problemId)}: gold ${escapeHtml(item.gold)}, ${escapeHtml(answered)}</summary>${parts.join("")}</details>`;
}

let chartJs: string | undefined;

/** Chart.js's browser build, read from its package once. */
function chartLibrary(): string {
  if (chartJs === undefined) {
    const main = createRequire(import.meta.url).resolve("chart.js");
    chartJs = readFileSync(join(dirname(main), "chart.umd.min.js"), "utf8").replace(
      /<\/script/gi,
      "<\\/script",
    );
  }
  return chartJs;
}
