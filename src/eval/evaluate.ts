import pLimit from "p-limit";
import { answersMatch } from "../answers/index.js";
import { CotpotError, InvalidOptionError } from "../errors/index.js";
import { type GenerateOptions, type LanguageModel, ModelError } from "../models/index.js";
import type { RoleSpec } from "../roles/index.js";
import {
  type Exemplar,
  runStrategy,
  type SelfConsistencyResult,
  STRATEGY_NAMES,
  type StrategyName,
  type StrategyResult,
} from "../strategies/index.js";
import type { Ledger, LedgerItem } from "./ledger.js";
import type { Problem } from "./problem.js";
import { type StrategySummary, summarize, type TokenPrices } from "./summarize.js";

/** Options for {@link evaluate}. */
export interface EvaluateOptions {
  model: LanguageModel;
  problems: readonly Problem[];
  /** The strategies to compare, by short name. */
  strategies: readonly StrategyName[];
  /** Items run at once. Default 4 (a local model still runs one call at a time). */
  concurrency?: number;
  /** Where each finished item is appended at once; what it already holds is skipped. */
  ledger?: Ledger;
  role?: string | RoleSpec;
  examples?: string | readonly Exemplar[];
  /** Paths self-consistency samples. Default 5. */
  samples?: number;
  sampling?: GenerateOptions;
  /** Prices per million tokens, for a cost per strategy. */
  prices?: TokenPrices;
  /**
   * Items that may fail one after another, with none succeeding between, before the run
   * stops: a server that went away should not be asked about every remaining item.
   * Default 5.
   */
  maxFailuresInARow?: number;
  signal?: AbortSignal;
  /** Progress: once at the start, then once per finished item. */
  onEvent?: (event: EvalEvent) => void;
}

/** Progress of an evaluation. */
export type EvalEvent =
  | { type: "start"; total: number; done: number }
  | { type: "item"; item: LedgerItem; result?: StrategyResult; done: number; total: number };

/** What an evaluation found. */
export interface EvalReport {
  /** Every item of the run, including those a resumed run found done. */
  items: LedgerItem[];
  summary: StrategySummary[];
}

/**
 * Runs every strategy on every problem, with bounded concurrency, and scores each
 * answer against the gold one. Each finished item goes to the ledger at once, so a run
 * stopped at any moment (even killed) and started again with the same ledger finishes
 * without losing or repeating an item. An item whose model call failed is recorded with
 * its error, counts as wrong, and is tried again by a resumed run. A failure that would
 * hit every item (no model file, a refused API key, an unknown model) stops the run at
 * once, and so do `maxFailuresInARow` failed items in a row.
 *
 * @returns the items and a summary per strategy: accuracy with its 95% interval,
 * tokens, cached tokens, latency p50/p95, calls and cost.
 * @throws {ModelError} for a failure that would hit every item.
 * @throws {CotpotError} after `maxFailuresInARow` failed items in a row, naming the last
 * error.
 * @throws {InvalidOptionError} for an unknown strategy, problems sharing an id, or a
 * bad `concurrency`.
 * @example
 * ```ts
 * const problems = (await loadDataset("gsm8k/test.jsonl")).slice(0, 20);
 * const report = await evaluate({ model, problems, strategies: ["direct", "cot", "pot"] });
 * console.table(report.summary);
 * ```
 */
export async function evaluate(options: EvaluateOptions): Promise<EvalReport> {
  const { problems, strategies, ledger, concurrency = 4, maxFailuresInARow = 5 } = options;
  checkOptions(options, concurrency, maxFailuresInARow);

  // Strategy by strategy: consecutive questions share a strategy's prompt prefix, which
  // servers and the local model then evaluate once.
  const tasks = strategies.flatMap((strategy) =>
    problems.map((problem) => ({ strategy, problem })),
  );
  const pending = tasks.filter(({ strategy, problem }) => !ledger?.done(problem.id, strategy));
  const finished = new Map<string, Map<string, LedgerItem>>();
  let done = tasks.length - pending.length;
  let failuresInARow = 0;
  options.onEvent?.({ type: "start", total: tasks.length, done });

  const limit = pLimit(concurrency);
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;

  const runTask = async ({ strategy, problem }: (typeof tasks)[number]) => {
    signal.throwIfAborted();
    const { item, result } = await runItem(options, strategy, problem, signal).catch((error) => {
      stop.abort(error);
      throw error;
    });

    await ledger?.append(item);
    finished.set(strategy, (finished.get(strategy) ?? new Map()).set(problem.id, item));
    done += 1;
    options.onEvent?.({
      type: "item",
      item,
      ...(result ? { result } : {}),
      done,
      total: tasks.length,
    });

    failuresInARow = item.error === undefined ? 0 : failuresInARow + 1;
    if (failuresInARow >= maxFailuresInARow) stop.abort(tooManyFailures(item, failuresInARow));
  };

  try {
    await Promise.all(pending.map((task) => limit(() => runTask(task))));
  } catch (error) {
    throw signal.aborted && signal.reason instanceof Error ? signal.reason : error;
  }

  // In the order of the tasks; a resumed ledger may also hold other strategies or
  // problems, and the report covers this run's.
  const all = tasks.flatMap(
    ({ strategy, problem }) =>
      ledger?.item(problem.id, strategy) ?? finished.get(strategy)?.get(problem.id) ?? [],
  );
  return { items: all, summary: summarize(all, options.prices) };
}

async function runItem(
  options: EvaluateOptions,
  strategy: StrategyName,
  problem: Problem,
  signal: AbortSignal,
): Promise<{ item: LedgerItem; result?: StrategyResult }> {
  const startedAt = performance.now();
  try {
    const result = await runStrategy(strategy, {
      model: options.model,
      question: problem.question,
      signal,
      ...(options.role === undefined ? {} : { role: options.role }),
      ...(options.examples === undefined ? {} : { examples: options.examples }),
      ...(options.samples === undefined ? {} : { samples: options.samples }),
      ...(options.sampling === undefined ? {} : { sampling: options.sampling }),
    });
    return { item: ledgerItem(strategy, problem, result, performance.now() - startedAt), result };
  } catch (error) {
    if (signal.aborted || stopsTheRun(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    return { item: failedItem(strategy, problem, message, performance.now() - startedAt) };
  }
}

/** Failures every other item would meet too: no model file, a refused key, no such model. */
function stopsTheRun(error: unknown): boolean {
  return error instanceof ModelError && error.scope === "model";
}

function tooManyFailures(last: LedgerItem, count: number): CotpotError {
  return new CotpotError(
    `The run stopped after ${count} items failed in a row; the last (${last.strategy}, ${last.problemId}) with: ${last.error}`,
  );
}

function ledgerItem(
  strategy: string,
  problem: Problem,
  result: StrategyResult,
  latencyMs: number,
): LedgerItem {
  const item: LedgerItem = {
    problemId: problem.id,
    strategy,
    question: problem.question,
    gold: problem.answer,
    answer: result.answer,
    correct: answersMatch(result.answer, problem.answer),
    usage: result.usage,
    latencyMs: Math.round(latencyMs),
    calls: result.attempts.length,
    attempts: result.attempts.map(({ purpose, error }) =>
      error ? { purpose, error } : { purpose },
    ),
    finishedAt: new Date().toISOString(),
  };
  if (result.reasoning !== undefined) item.reasoning = result.reasoning;
  if (result.program !== undefined) item.program = result.program;
  if (result.execution) item.execution = executionSummary(result);
  if (result.fallback) item.fallback = result.fallback.reason;
  if ("votes" in result) {
    const { votes, agreement } = result as SelfConsistencyResult;
    item.votes = votes.map(({ answer, count }) => ({ answer, count }));
    item.agreement = agreement;
  }
  return item;
}

function executionSummary(result: StrategyResult): NonNullable<LedgerItem["execution"]> {
  const execution = result.execution;
  if (!execution) return { ok: false };
  if (execution.ok) {
    const answer =
      typeof execution.answer === "bigint" ? execution.answer.toString() : execution.answer;
    return { ok: true, answer };
  }
  const line = execution.error.line === undefined ? "" : ` at line ${execution.error.line}`;
  return { ok: false, error: `${execution.error.kind}${line}: ${execution.error.message}` };
}

function failedItem(
  strategy: string,
  problem: Problem,
  error: string,
  latencyMs: number,
): LedgerItem {
  return {
    problemId: problem.id,
    strategy,
    question: problem.question,
    gold: problem.answer,
    answer: null,
    correct: false,
    usage: { promptTokens: 0, completionTokens: 0 },
    latencyMs: Math.round(latencyMs),
    calls: 0,
    attempts: [],
    error,
    finishedAt: new Date().toISOString(),
  };
}

function checkOptions(
  options: EvaluateOptions,
  concurrency: number,
  maxFailuresInARow: number,
): void {
  const { strategies, problems } = options;
  const unknown = strategies.find((name) => !(STRATEGY_NAMES as readonly string[]).includes(name));
  if (unknown !== undefined || strategies.length === 0) {
    throw new InvalidOptionError(
      "strategies",
      unknown ?? strategies,
      `a list of ${STRATEGY_NAMES.join(", ")}`,
    );
  }
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
    throw new InvalidOptionError("concurrency", concurrency, "a whole number from 1 to 256");
  }
  if (!(maxFailuresInARow >= 1)) {
    throw new InvalidOptionError(
      "maxFailuresInARow",
      maxFailuresInARow,
      "1 or more (Infinity never stops)",
    );
  }

  // The ledger knows an item by its problem's id: two problems with one id would be one.
  const seen = new Set<string>();
  for (const { id } of problems) {
    if (seen.has(id)) throw new InvalidOptionError("problems", id, "problems with distinct ids");
    seen.add(id);
  }
}
