import { InvalidOptionError } from "../errors/index.js";
import { defaultModel, type GenerateOptions, type LanguageModel } from "../models/index.js";
import {
  runStrategy,
  type SelfConsistencyResult,
  STRATEGY_NAMES,
  type StrategyOptions,
  type StrategyResult,
} from "../strategies/index.js";
import { downloadProgress } from "./download-progress.js";
import { UsageError } from "./usage-error.js";

/** The parsed flags of `cotpot solve`. */
export interface SolveCommandOptions {
  strategy: string;
  role?: string;
  model?: string;
  examples?: string;
  samples?: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  maxTokens?: number;
  seed?: number;
  showPrompt?: boolean;
  json?: boolean;
}

/**
 * `cotpot solve "<question>"`: answers a question with one strategy and shows how: the
 * reasoning (streamed as it is written, on a terminal), the program and its execution,
 * or the votes; then the answer.
 *
 * @returns 0 when an answer was found, 1 when none was.
 * @throws {UsageError} for an unknown strategy or a sampling flag out of range.
 */
export async function solveCommand(
  question: string,
  options: SolveCommandOptions,
): Promise<number> {
  if (!(STRATEGY_NAMES as readonly string[]).includes(options.strategy)) {
    throw new UsageError(
      `--strategy must be one of ${STRATEGY_NAMES.join(", ")}; got '${options.strategy}'.`,
    );
  }
  const model = defaultModel({
    ...(options.model === undefined ? {} : { model: options.model }),
    onDownloadProgress: downloadProgress(),
    onWarning: (warning) => process.stderr.write(`cotpot: warning: ${warning.message}\n`),
  });

  try {
    const result = await solve(model, question, options);
    if (options.showPrompt) printPrompt(result);
    if (options.json) process.stdout.write(`${toJson(result)}\n`);
    else printResult(result, options);
    return result.answer === null ? 1 : 0;
  } finally {
    await model.dispose();
  }
}

async function solve(model: LanguageModel, question: string, options: SolveCommandOptions) {
  const streaming = process.stdout.isTTY === true && !options.json;
  const base: StrategyOptions = {
    model,
    question,
    sampling: sampling(options),
    ...(options.role === undefined ? {} : { role: options.role }),
    ...(options.examples === undefined ? {} : { examples: options.examples }),
    ...(streaming && options.strategy !== "sc" && options.strategy !== "hybrid"
      ? { onText: (delta: string) => process.stdout.write(delta) }
      : {}),
  };

  try {
    return await runStrategy(options.strategy, {
      ...base,
      ...(options.samples === undefined ? {} : { samples: options.samples }),
    });
  } catch (error) {
    if (error instanceof InvalidOptionError) throw new UsageError(error.message, { cause: error });
    throw error;
  } finally {
    if (streaming) process.stdout.write("\n");
  }
}

function sampling(options: SolveCommandOptions): GenerateOptions {
  const { temperature, topP, topK, maxTokens, seed } = options;
  return Object.fromEntries(
    Object.entries({ temperature, topP, topK, maxTokens, seed }).filter(
      ([, value]) => value !== undefined,
    ),
  );
}

function printPrompt(result: StrategyResult): void {
  const lines = ["--- prompt sent ---"];
  for (const message of result.messages) lines.push(`[${message.role}]`, message.content, "");
  lines.push("--- end of prompt ---");
  process.stdout.write(`${lines.join("\n")}\n`);
}

function printResult(result: StrategyResult, options: SolveCommandOptions): void {
  const lines: string[] = [];
  const streamed = process.stdout.isTTY === true;
  if (!streamed && result.reasoning) lines.push(result.reasoning, "");
  if (result.program) lines.push("Program:", indent(result.program), "");
  if (result.execution) lines.push(`Execution: ${describeExecution(result)}`, "");
  if (result.fallback) lines.push(`Fell back to chain of thought: ${result.fallback.reason}`, "");
  if ("votes" in result) lines.push(describeVotes(result as SelfConsistencyResult), "");

  const { promptTokens, completionTokens, cachedPromptTokens } = result.usage;
  const cached = cachedPromptTokens ? `, ${cachedPromptTokens} of them cached` : "";
  lines.push(
    `Tokens: ${promptTokens} in${cached}, ${completionTokens} out, in ${result.attempts.length} call(s) (${options.strategy})`,
  );
  lines.push(`Answer: ${result.answer ?? "(none found)"}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}

function describeExecution(result: StrategyResult): string {
  const execution = result.execution;
  if (!execution) return "";
  const logs = execution.logs.length > 0 ? `\n${indent(execution.logs.join("\n"))}` : "";
  if (execution.ok)
    return `returned ${JSON.stringify(execution.answer)} in ${execution.durationMs.toFixed(1)} ms${logs}`;
  const line = execution.error.line === undefined ? "" : ` at line ${execution.error.line}`;
  return `${execution.error.kind} error${line}: ${execution.error.message}${logs}`;
}

function describeVotes(result: SelfConsistencyResult): string {
  const votes = result.votes.map((entry) => `${entry.answer} x${entry.count}`).join(", ");
  const unanswered = result.samples.filter((sample) => sample.answer === null).length;
  const none = unanswered > 0 ? `, ${unanswered} without an answer` : "";
  return `Votes: ${votes || "none"}${none} (agreement ${(result.agreement * 100).toFixed(0)}%)`;
}

function indent(text: string): string {
  return text.replace(/^/gm, "  ");
}

function toJson(result: StrategyResult): string {
  return JSON.stringify(
    result,
    (_key, value) => (typeof value === "bigint" ? value.toString() : value),
    2,
  );
}
