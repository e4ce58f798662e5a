import { chooseModel, defaultModel } from "../models/index.js";
import { downloadProgress } from "./download-progress.js";

/** The parsed flags of `cotpot models`. */
export interface ModelsCommandOptions {
  model?: string;
  pull?: boolean;
}

/**
 * `cotpot models`: says which model cotpot would use and why; with `--pull`, downloads
 * (or loads) it and says where it is, so the first real run does not wait for it.
 *
 * @returns the exit status.
 */
export async function modelsCommand(options: ModelsCommandOptions): Promise<number> {
  const choice = chooseModel(options.model === undefined ? {} : { model: options.model });
  const where = choice.baseURL ? ` at ${choice.baseURL}` : "";
  process.stdout.write(`${choice.kind} model ${choice.model}${where}\n  (${choice.reason})\n`);

  if (!options.pull) return 0;
  const model = defaultModel({
    ...(options.model === undefined ? {} : { model: options.model }),
    onDownloadProgress: downloadProgress(),
  });
  try {
    const tokens = await model.countTokens("Ready.");
    process.stdout.write(`${model.name} is ready (its tokenizer read ${tokens} tokens).\n`);
    return 0;
  } finally {
    await model.dispose();
  }
}
