import type { LedgerItem } from "./ledger.js";
import { quantile, wilsonInterval } from "./statistics.js";

/** Prices per million tokens, to put a cost on a run. */
export interface TokenPrices {
  promptPerMillion: number;
  completionPerMillion: number;
  /** What a cached prompt token costs instead, when the provider discounts them. */
  cachedPromptPerMillion?: number;
}

/** How one strategy did over a run. */
export interface StrategySummary {
  strategy: string;
  items: number;
  correct: number;
  accuracy: number;
  /** The 95% confidence interval of the accuracy (Wilson). */
  interval: { low: number; high: number };
  /** Items the strategy could not finish (the model failed); they count as wrong. */
  errors: number;
  promptTokens: number;
  completionTokens: number;
  cachedPromptTokens: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  calls: number;
  /** In the currency of the prices, when prices were given. */
  cost?: number;
}

/** Summarizes a run's items per strategy, in the order the strategies first appear. */
export function summarize(items: readonly LedgerItem[], prices?: TokenPrices): StrategySummary[] {
  const byStrategy = new Map<string, LedgerItem[]>();
  for (const item of items)
    byStrategy.set(item.strategy, [...(byStrategy.get(item.strategy) ?? []), item]);
  return [...byStrategy.entries()].map(([strategy, group]) =>
    summarizeGroup(strategy, group, prices),
  );
}

function summarizeGroup(
  strategy: string,
  items: LedgerItem[],
  prices?: TokenPrices,
): StrategySummary {
  const correct = items.filter((item) => item.correct).length;
  const sum = (pick: (item: LedgerItem) => number) =>
    items.reduce((total, item) => total + pick(item), 0);
  const latencies = items.map((item) => item.latencyMs);

  const summary: StrategySummary = {
    strategy,
    items: items.length,
    correct,
    accuracy: items.length === 0 ? 0 : correct / items.length,
    interval: wilsonInterval(correct, items.length),
    errors: items.filter((item) => item.error !== undefined).length,
    promptTokens: sum((item) => item.usage.promptTokens),
    completionTokens: sum((item) => item.usage.completionTokens),
    cachedPromptTokens: sum((item) => item.usage.cachedPromptTokens ?? 0),
    latencyP50Ms: quantile(latencies, 0.5),
    latencyP95Ms: quantile(latencies, 0.95),
    calls: sum((item) => item.calls),
  };
  if (prices) summary.cost = costOf(summary, prices);
  return summary;
}

function costOf(summary: StrategySummary, prices: TokenPrices): number {
  const cachedPrice = prices.cachedPromptPerMillion ?? prices.promptPerMillion;
  const uncached = summary.promptTokens - summary.cachedPromptTokens;
  return (
    (uncached * prices.promptPerMillion +
      summary.cachedPromptTokens * cachedPrice +
      summary.completionTokens * prices.completionPerMillion) /
    1_000_000
  );
}
