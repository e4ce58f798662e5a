import type { ChatMessage } from "../chat/index.js";
import { addUsage } from "../models/index.js";
import { type ProgramResult, runProgram, type SandboxOptions } from "../sandbox/index.js";
import { chainOfThought } from "./chain-of-thought.js";
import { extractProgram } from "./extract-program.js";
import { programAnswer } from "./program-answer.js";
import { StrategyRun } from "./strategy-run.js";
import { DEFAULT_MAX_TOKENS, strategySampling } from "./strategy-sampling.js";
import type { StrategyOptions, StrategyResult } from "./strategy-types.js";

/** Options for {@link programOfThought}. */
export interface ProgramOfThoughtOptions extends StrategyOptions {
  /** Limits for running the program. Default: the sandbox's (2 s, 64 MiB). */
  sandbox?: SandboxOptions;
  /** How many times a failing program is sent back for repair. Default 2. */
  maxRepairs?: number;
  /** What to do when no program works: answer by Chain of Thought (default), or not. */
  fallback?: "chain-of-thought" | "none";
}

/** One program the model wrote, and what became of it. */
interface Outcome {
  program: string | null;
  execution?: ProgramResult;
  answer: string | null;
}

/**
 * Has the model write a JavaScript `solution()`, runs it in the QuickJS sandbox, and
 * takes its return value as the answer. A program that does not run (or a reply with
 * no program) is sent back with the error and its line, up to `maxRepairs` times; if it
 * still fails, the question is answered by Chain of Thought, and the result says so.
 *
 * @returns the answer, the program and its execution, the messages sent, the usage and
 * every call; `fallback` when Chain of Thought answered instead.
 * @throws {ModelError} when the model fails; the signal's reason when aborted.
 * @example
 * ```ts
 * const result = await programOfThought({ model, question, role: "programmer" });
 * console.log(result.program, result.execution, result.answer);
 * ```
 */
export async function programOfThought(options: ProgramOfThoughtOptions): Promise<StrategyResult> {
  const { maxRepairs = 2, fallback = "chain-of-thought" } = options;
  const run = new StrategyRun(
    options,
    strategySampling(options, "precise", DEFAULT_MAX_TOKENS.reasoning),
  );
  let messages = programMessages(run);
  let outcome: Outcome = { program: null, answer: null };

  for (let attempt = 0; attempt <= maxRepairs; attempt++) {
    const reply = await run.call(attempt === 0 ? "program" : "repair", messages);
    outcome = await runReply(reply.text, options.sandbox, options.signal);
    if (outcome.answer !== null)
      return run.result("program-of-thought", outcome.answer, messages, found(outcome));

    const problem = describeFailure(outcome);
    run.fail(problem.summary);
    if (attempt < maxRepairs) {
      messages = [
        ...messages,
        { role: "assistant", content: reply.text },
        { role: "user", content: run.render("strategies/pot-repair", problem.variables) },
      ];
    }
  }

  const reason = describeFailure(outcome).summary;
  if (fallback === "none") return run.result("program-of-thought", null, messages, found(outcome));
  return fallBack(options, run, outcome, reason);
}

/** The Program-of-Thought conversation; exemplars show their programs as code blocks. */
export function programMessages(run: StrategyRun): ChatMessage[] {
  return run.messages(
    "strategies/pot",
    (exemplar) => `\`\`\`javascript\n${exemplar.program}\n\`\`\``,
  );
}

/** Extracts the program from a reply and runs it. */
export async function runReply(
  reply: string,
  limits: SandboxOptions | undefined,
  signal: AbortSignal | undefined,
): Promise<Outcome> {
  const program = extractProgram(reply);
  if (program === null) return { program, answer: null };

  const execution = await runProgram(program, { ...limits, ...(signal ? { signal } : {}) });
  return { program, execution, answer: execution.ok ? programAnswer(execution.answer) : null };
}

function describeFailure(outcome: Outcome): {
  summary: string;
  variables: Record<string, unknown>;
} {
  const { program, execution } = outcome;
  if (program === null || !execution) {
    return { summary: "The reply has no program.", variables: { noProgram: true } };
  }
  if (execution.ok) {
    const error = {
      message: "solution() returned no answer (undefined, null or NaN); return the computed value.",
    };
    return { summary: error.message, variables: { error } };
  }

  const { error, logs } = execution;
  const sourceLine =
    error.line === undefined ? undefined : program.split("\n")[error.line - 1]?.trim();
  const where = error.line === undefined ? "" : ` at line ${error.line}`;
  return {
    summary: `The program failed (${error.kind}${where}): ${error.message}`,
    variables: { error, sourceLine, logs: logs.join("\n") },
  };
}

function found(outcome: Outcome): Partial<StrategyResult> {
  return {
    ...(outcome.program === null ? {} : { program: outcome.program }),
    ...(outcome.execution ? { execution: outcome.execution } : {}),
  };
}

async function fallBack(
  options: ProgramOfThoughtOptions,
  run: StrategyRun,
  outcome: Outcome,
  reason: string,
): Promise<StrategyResult> {
  const { sandbox: _sandbox, maxRepairs: _maxRepairs, fallback: _fallback, ...rest } = options;
  const answered = await chainOfThought(rest);
  return {
    ...answered,
    ...found(outcome),
    fallback: { from: "program-of-thought", reason },
    usage: addUsage(run.usage, answered.usage),
    attempts: [...run.attempts, ...answered.attempts],
  };
}
