import { extractAnswer } from "../answers/index.js";
import type { ChatMessage } from "../chat/index.js";
import { StrategyRun } from "./strategy-run.js";
import { DEFAULT_MAX_TOKENS, strategySampling } from "./strategy-sampling.js";
import type { StrategyOptions, StrategyResult } from "./strategy-types.js";

// The follow-up asks for one line; a longer reply means the model is reasoning again.
const FOLLOW_UP_TOKENS = 64;

/** Options for {@link chainOfThought}. */
export interface ChainOfThoughtOptions extends StrategyOptions {
  /**
   * `zero-shot` adds "Let's think step by step." after the question; `few-shot` shows
   * worked exemplars first (`examples`, default `arithmetic`). Default: `few-shot` when
   * `examples` are given, else `zero-shot`.
   */
  mode?: "zero-shot" | "few-shot";
}

/**
 * Has the model reason step by step, then extracts the answer from its reasoning. When
 * the reasoning states no answer, one short follow-up turn asks for it (the second stage
 * of zero-shot Chain of Thought); a thinking model's own reasoning is kept, not asked for
 * again.
 *
 * @returns the answer, the reasoning, the messages sent, the usage and every call.
 * @throws {ModelError} when the model fails; the signal's reason when aborted.
 * @example
 * ```ts
 * const result = await chainOfThought({ model, question, role: "math-teacher", mode: "few-shot" });
 * console.log(result.reasoning, result.answer);
 * ```
 */
export async function chainOfThought(options: ChainOfThoughtOptions): Promise<StrategyResult> {
  const { mode, examples, ...rest } = options;
  const fewShot = (mode ?? (examples ? "few-shot" : "zero-shot")) === "few-shot";
  const runOptions: StrategyOptions = fewShot
    ? { ...rest, examples: examples ?? "arithmetic" }
    : rest;
  const run = new StrategyRun(
    runOptions,
    strategySampling(options, "precise", DEFAULT_MAX_TOKENS.reasoning),
  );
  const messages = chainOfThoughtMessages(run, fewShot);
  const generation = await run.call("reason", messages);

  const thinking = generation.reasoning === undefined ? {} : { thinking: generation.reasoning };
  let answer = extractAnswer(generation.text);
  if (answer !== null)
    return run.result("chain-of-thought", answer, messages, {
      reasoning: generation.text,
      ...thinking,
    });

  run.fail("The reasoning states no final answer; asking for it.");
  const followUp: ChatMessage[] = [
    ...messages,
    { role: "assistant", content: generation.text },
    { role: "user", content: run.render("strategies/answer-follow-up") },
  ];
  const reply = await run.call("follow-up", followUp, {
    maxTokens: Math.min(FOLLOW_UP_TOKENS, run.sampling.maxTokens ?? FOLLOW_UP_TOKENS),
  });
  answer = extractAnswer(reply.text);
  if (answer === null) run.fail("The follow-up states no answer either.");
  return run.result("chain-of-thought", answer, followUp, {
    reasoning: generation.text,
    ...thinking,
  });
}

/** The Chain-of-Thought conversation: exemplars' worked solutions, or the step-by-step trigger. */
export function chainOfThoughtMessages(run: StrategyRun, fewShot: boolean): ChatMessage[] {
  return run.messages(
    "strategies/cot",
    (exemplar) => exemplar.reasoning,
    fewShot ? undefined : "strategies/cot-trigger",
  );
}
