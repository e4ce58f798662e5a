import { extractAnswer } from "../answers/index.js";
import { InvalidOptionError } from "../errors/index.js";
import type { ProgramResult, SandboxOptions } from "../sandbox/index.js";
import { chainOfThoughtMessages } from "./chain-of-thought.js";
import { programMessages, runReply } from "./program-of-thought.js";
import { StrategyRun } from "./strategy-run.js";
import { DEFAULT_MAX_TOKENS, strategySampling } from "./strategy-sampling.js";
import type { StrategyOptions, StrategyResult } from "./strategy-types.js";
import { type Vote, vote } from "./vote.js";

/** Options for {@link selfConsistency}. */
export interface SelfConsistencyOptions extends StrategyOptions {
  /** Which reasoning paths to sample: Chain of Thought, Program of Thought, or half each. */
  strategy: "cot" | "pot" | "hybrid";
  /** How many paths to sample. */
  samples: number;
  /** Limits for running PoT samples' programs. */
  sandbox?: SandboxOptions;
}

/** One sampled reasoning path and its answer. */
export interface Sample {
  strategy: "cot" | "pot";
  text: string;
  answer: string | null;
  program?: string;
  execution?: ProgramResult;
}

/** What {@link selfConsistency} returns besides a strategy's result. */
export interface SelfConsistencyResult extends StrategyResult {
  /** Every answer and its votes, most votes first. */
  votes: Vote[];
  /** The winner's share of all samples, from 0 to 1. */
  agreement: number;
  samples: Sample[];
}

const MAX_SAMPLES = 64;

/**
 * Samples several reasoning paths at a sampling temperature (default 0.7) and takes
 * the answer most of them reach. The samples are asked for in one call with `n` (one
 * evaluation of the prompt); if the backend returns fewer, the rest are asked for
 * concurrently. `hybrid` samples Chain of Thought and Program of Thought, and both vote.
 *
 * @returns the winning answer, the votes, the agreement, every sample, the usage.
 * @throws {InvalidOptionError} for a bad `strategy` or `samples`.
 * @example
 * ```ts
 * const { answer, votes, agreement } = await selfConsistency({
 *   model, question, strategy: "hybrid", samples: 6,
 * });
 * ```
 */
export async function selfConsistency(
  options: SelfConsistencyOptions,
): Promise<SelfConsistencyResult> {
  checkOptions(options);
  const run = new StrategyRun(
    options,
    strategySampling(options, "balanced", DEFAULT_MAX_TOKENS.reasoning),
  );
  const potCount =
    options.strategy === "pot"
      ? options.samples
      : options.strategy === "hybrid"
        ? Math.floor(options.samples / 2)
        : 0;
  const cotCount = options.samples - potCount;

  const cotMessages = chainOfThoughtMessages(run, options.examples !== undefined);
  const potMessages = programMessages(run);
  const [cot, pot] = await Promise.all([
    cotCount > 0 ? sampleTexts(run, cotMessages, cotCount) : [],
    potCount > 0 ? sampleTexts(run, potMessages, potCount) : [],
  ]);

  const samples: Sample[] = [
    ...cot.map((text) => ({ strategy: "cot" as const, text, answer: extractAnswer(text) })),
    ...(await Promise.all(pot.map((text) => potSample(text, options)))),
  ];
  const votes = vote(samples.map((sample) => sample.answer));
  const winner = votes[0];
  const messages = cotCount > 0 ? cotMessages : potMessages;

  return {
    ...run.result("self-consistency", winner?.answer ?? null, messages),
    votes,
    agreement: winner ? winner.count / options.samples : 0,
    samples,
  };
}

/** `count` replies to one prompt: one call with `n`, topped up by single calls. */
async function sampleTexts(
  run: StrategyRun,
  messages: Parameters<StrategyRun["call"]>[1],
  count: number,
) {
  const first = await run.options.model.chat(messages, requestOptions(run, count));
  run.record("sample", first, first.texts);
  const texts = [...first.texts];

  const missing = count - texts.length;
  if (missing > 0) {
    const more = await Promise.all(
      Array.from({ length: missing }, () =>
        run.options.model.chat(messages, requestOptions(run, 1)),
      ),
    );
    for (const generation of more) run.record("sample", generation);
    texts.push(...more.map((generation) => generation.text));
  }
  return texts.slice(0, count);
}

function requestOptions(run: StrategyRun, n: number) {
  const { signal } = run.options;
  return { ...run.sampling, n, ...(signal ? { signal } : {}) };
}

async function potSample(text: string, options: SelfConsistencyOptions): Promise<Sample> {
  const outcome = await runReply(text, options.sandbox, options.signal);
  const sample: Sample = { strategy: "pot", text, answer: outcome.answer };
  if (outcome.program !== null) sample.program = outcome.program;
  if (outcome.execution) sample.execution = outcome.execution;
  return sample;
}

function checkOptions(options: SelfConsistencyOptions): void {
  if (!["cot", "pot", "hybrid"].includes(options.strategy)) {
    throw new InvalidOptionError("strategy", options.strategy, "one of cot, pot, hybrid");
  }
  const { samples } = options;
  const minimum = options.strategy === "hybrid" ? 2 : 1;
  if (!Number.isInteger(samples) || samples < minimum || samples > MAX_SAMPLES) {
    throw new InvalidOptionError(
      "samples",
      samples,
      `a whole number from ${minimum} to ${MAX_SAMPLES}`,
    );
  }
}
