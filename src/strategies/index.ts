export { type ChainOfThoughtOptions, chainOfThought } from "./chain-of-thought.js";
export { direct } from "./direct.js";
export { EXEMPLAR_SETS, type Exemplar, resolveExemplars } from "./exemplars.js";
export { extractProgram } from "./extract-program.js";
export { type ProgramOfThoughtOptions, programOfThought } from "./program-of-thought.js";
export {
  type RunStrategyOptions,
  runStrategy,
  STRATEGY_NAMES,
  type StrategyName,
} from "./run-strategy.js";
export {
  type Sample,
  type SelfConsistencyOptions,
  type SelfConsistencyResult,
  selfConsistency,
} from "./self-consistency.js";
export type { Attempt, AttemptPurpose, StrategyOptions, StrategyResult } from "./strategy-types.js";
export { type Vote, vote } from "./vote.js";
