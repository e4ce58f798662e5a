import { type GenerateOptions, resolveGenerateOptions } from "../models/index.js";
import type { StrategyOptions } from "./strategy-types.js";

/**
 * How many tokens a strategy lets a reply run to unless told otherwise: enough for a
 * thinking model's reasoning before a direct answer, and for long worked solutions; a
 * model that never stops is cut off rather than filling its context.
 */
export const DEFAULT_MAX_TOKENS = { answer: 1024, reasoning: 2048 } as const;

/**
 * A strategy's sampling: a preset (`precise` unless the strategy samples), a cap on
 * reply length, then whatever the caller set, which wins.
 *
 * @throws {InvalidOptionError} for a bad option the caller set.
 */
export function strategySampling(
  options: StrategyOptions,
  preset: "precise" | "balanced",
  maxTokens: number,
): GenerateOptions {
  const { signal: _signal, ...sampling } = resolveGenerateOptions({
    preset,
    maxTokens,
    ...options.sampling,
  });
  return sampling;
}
