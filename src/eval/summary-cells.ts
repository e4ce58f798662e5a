import type { StrategySummary } from "./summarize.js";

/** A run's summary as table cells: one header row and one row per strategy, as text. */
export interface SummaryCells {
  header: string[];
  rows: string[][];
}

/**
 * Lays a run's summary out as the cells of a table, for the terminal and the report
 * alike; the cost column appears when prices were given.
 */
export function summaryCells(summary: readonly StrategySummary[]): SummaryCells {
  const hasCost = summary.some((row) => row.cost !== undefined);
  const header = [
    "strategy",
    "accuracy",
    "95% interval",
    "items",
    "errors",
    "tokens in",
    "cached",
    "tokens out",
    "p50 ms",
    "p95 ms",
    "calls",
  ];
  if (hasCost) header.push("cost");

  const rows = summary.map((row) => {
    const cells = [
      row.strategy,
      percent(row.accuracy),
      `${percent(row.interval.low)}–${percent(row.interval.high)}`,
      String(row.items),
      String(row.errors),
      String(row.promptTokens),
      String(row.cachedPromptTokens),
      String(row.completionTokens),
      String(Math.round(row.latencyP50Ms)),
      String(Math.round(row.latencyP95Ms)),
      String(row.calls),
    ];
    if (hasCost) cells.push(row.cost === undefined ? "" : money(row.cost));
    return cells;
  });
  return { header, rows };
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** Two decimals, or two significant digits for the fractions of a cent a small run costs. */
function money(amount: number): string {
  return amount >= 1 || amount === 0 ? amount.toFixed(2) : amount.toPrecision(2);
}
