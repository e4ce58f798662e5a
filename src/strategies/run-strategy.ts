import { InvalidOptionError } from "../errors/index.js";
import { chainOfThought } from "./chain-of-thought.js";
import { direct } from "./direct.js";
import { programOfThought } from "./program-of-thought.js";
import { selfConsistency } from "./self-consistency.js";
import type { StrategyOptions, StrategyResult } from "./strategy-types.js";

/** The short names strategies go by on the command line and in evaluations. */
export type StrategyName = "direct" | "cot" | "pot" | "sc" | "hybrid";

/** Every {@link StrategyName}. */
export const STRATEGY_NAMES: readonly StrategyName[] = ["direct", "cot", "pot", "sc", "hybrid"];

/** What {@link runStrategy} takes besides the strategy's name. */
export interface RunStrategyOptions extends StrategyOptions {
  /** Paths self-consistency samples (`sc`, `hybrid`). Default 5. */
  samples?: number;
}

/**
 * Runs a strategy by its short name: `direct`, `cot` (Chain of Thought), `pot`
 * (Program of Thought), `sc` (self-consistency over Chain of Thought) or `hybrid`
 * (self-consistency over both).
 *
 * @throws {InvalidOptionError} for an unknown name.
 */
export async function runStrategy(
  name: string,
  options: RunStrategyOptions,
): Promise<StrategyResult> {
  const { samples = 5, ...common } = options;
  switch (name) {
    case "direct":
      return direct(common);
    case "cot":
      return chainOfThought(common);
    case "pot":
      return programOfThought(common);
    case "sc":
      return selfConsistency({ ...common, strategy: "cot", samples });
    case "hybrid":
      return selfConsistency({ ...common, strategy: "hybrid", samples });
    default:
      throw new InvalidOptionError("strategy", name, `one of ${STRATEGY_NAMES.join(", ")}`);
  }
}
