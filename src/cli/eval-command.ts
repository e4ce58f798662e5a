import { writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { CotpotError, InvalidOptionError } from "../errors/index.js";
import {
  evaluate,
  loadDataset,
  openLedger,
  renderReport,
  type TokenPrices,
} from "../eval/index.js";
import { defaultModel } from "../models/index.js";
import { STRATEGY_NAMES, type StrategyName } from "../strategies/index.js";
import { downloadProgress } from "./download-progress.js";
import { evalProgress } from "./eval-progress.js";
import { InterruptedError } from "./interrupted-error.js";
import { summaryTable } from "./summary-table.js";
import { UsageError } from "./usage-error.js";

/** The parsed flags of `cotpot eval`. */
export interface EvalCommandOptions {
  strategies: string;
  limit?: number;
  concurrency: number;
  out: string;
  resume?: boolean;
  model?: string;
  role?: string;
  samples?: number;
  priceIn?: number;
  priceOut?: number;
}

/**
 * `cotpot eval <dataset>`: runs the strategies on the dataset's problems, with a progress
 * bar, then prints the summary and writes `DIR/ledger.jsonl` and `DIR/report.html`.
 * `--resume` continues a stopped run from its ledger.
 *
 * @returns 0 when the run finished.
 */
export async function evalCommand(dataset: string, options: EvalCommandOptions): Promise<number> {
  const strategies = parseStrategies(options.strategies);
  const pricing = prices(options);
  if (options.limit !== undefined && options.limit < 1) {
    throw new UsageError(`--limit takes a number of problems, 1 or more; got ${options.limit}.`);
  }
  const all = await loadDataset(dataset);
  const problems = options.limit === undefined ? all : all.slice(0, options.limit);
  const ledger = await openLedger(join(options.out, "ledger.jsonl"), {
    resume: options.resume ?? false,
  });
  const model = defaultModel({
    ...(options.model === undefined ? {} : { model: options.model }),
    onDownloadProgress: downloadProgress(),
  });

  const controller = new AbortController();
  const interrupt = () =>
    controller.abort(new InterruptedError("interrupted; run again with --resume to finish."));
  process.once("SIGINT", interrupt);
  const progress = evalProgress();
  try {
    const report = await evaluate({
      model,
      problems,
      strategies,
      ledger,
      concurrency: options.concurrency,
      signal: controller.signal,
      onEvent: progress.onEvent,
      ...(options.role === undefined ? {} : { role: options.role }),
      ...(options.samples === undefined ? {} : { samples: options.samples }),
      ...pricing,
    }).catch((error) => {
      throw explained(error, ledger.path);
    });
    progress.finish();

    const reportPath = join(options.out, "report.html");
    const html = renderReport({
      title: "cotpot evaluation",
      model: model.name,
      dataset: basename(dataset),
      ...report,
    });
    await writeFile(reportPath, html);
    process.stdout.write(
      `\n${summaryTable(report.summary)}\n\nLedger: ${ledger.path}\nReport: ${reportPath}\n`,
    );
    return 0;
  } finally {
    progress.finish();
    process.off("SIGINT", interrupt);
    await ledger.close();
    await model.dispose();
  }
}

/** A failed run's error, saying that what finished is kept and how to go on. */
function explained(error: unknown, ledgerPath: string): unknown {
  if (error instanceof InvalidOptionError) return new UsageError(error.message, { cause: error });
  if (error instanceof InterruptedError || !(error instanceof CotpotError)) return error;
  return new CotpotError(
    `${error.message.replace(/\.?$/, ".")} What finished is in ${ledgerPath}; run again with --resume to go on.`,
    { cause: error },
  );
}

function parseStrategies(list: string): StrategyName[] {
  const names = list
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.find((name) => !(STRATEGY_NAMES as readonly string[]).includes(name));
  if (unknown !== undefined || names.length === 0) {
    throw new UsageError(
      `--strategies takes a comma-separated list of ${STRATEGY_NAMES.join(", ")}; got '${list}'.`,
    );
  }
  return names as StrategyName[];
}

function prices(options: EvalCommandOptions): { prices?: TokenPrices } {
  if (options.priceIn === undefined && options.priceOut === undefined) return {};
  if (options.priceIn === undefined || options.priceOut === undefined) {
    throw new UsageError("--price-in and --price-out go together (each per million tokens).");
  }
  return { prices: { promptPerMillion: options.priceIn, completionPerMillion: options.priceOut } };
}
