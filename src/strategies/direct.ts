import { extractAnswer } from "../answers/index.js";
import { StrategyRun } from "./strategy-run.js";
import { DEFAULT_MAX_TOKENS, strategySampling } from "./strategy-sampling.js";
import type { StrategyOptions, StrategyResult } from "./strategy-types.js";

/**
 * Asks for the answer alone, without reasoning: the baseline the other strategies are
 * measured against.
 *
 * @returns the answer (null when the reply has none), the messages sent and the usage.
 * @throws {ModelError} when the model fails; the signal's reason when aborted.
 * @example
 * ```ts
 * const { answer } = await direct({ model, question: "What is 15% of 80?" });
 * ```
 */
export async function direct(options: StrategyOptions): Promise<StrategyResult> {
  const run = new StrategyRun(
    options,
    strategySampling(options, "precise", DEFAULT_MAX_TOKENS.answer),
  );
  const messages = run.messages(
    "strategies/direct",
    (exemplar) => `The answer is ${exemplar.answer}.`,
  );
  const generation = await run.call("answer", messages);

  const answer = extractAnswer(generation.text);
  if (answer === null) run.fail("The reply states no answer.");
  const thinking = generation.reasoning === undefined ? {} : { thinking: generation.reasoning };
  return run.result("direct", answer, messages, thinking);
}
