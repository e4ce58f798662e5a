import { createRequire } from "node:module";
import { Command, InvalidArgumentError, Option } from "commander";
import { DEFAULT_SANDBOX_LIMITS } from "../sandbox/sandbox-limits.js";
import type { DemoCommandOptions } from "./demo-command.js";
import type { EvalCommandOptions } from "./eval-command.js";
import type { ModelsCommandOptions } from "./models-command.js";
import type { RenderCommandOptions } from "./render-command.js";
import type { SolveCommandOptions } from "./solve-command.js";

const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };
const MIB = 1024 * 1024;

/**
 * Builds the `cotpot` command line: every command, its flags and its help. Actions
 * import their implementation when they run.
 */
export function createProgram(): Command {
  const program = new Command("cotpot")
    .description("Prompt language models to reason: roles, Chain of Thought, Program of Thought.")
    .version(version)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();

  program
    .command("solve")
    .description("Answer a question with a reasoning strategy, and show how.")
    .argument("<question>", "the question, in quotes")
    .addOption(
      new Option(
        "--strategy <name>",
        "direct, cot (chain of thought), pot (program of thought), sc (self-consistency) or hybrid",
      ).default("cot"),
    )
    .option("--role <name>", "a built-in role (see render --list), such as math-teacher")
    .option(
      "--model <model>",
      "a .gguf path, an hf: URI, or a server's model name (over COTPOT_MODEL)",
    )
    .option(
      "--examples <set>",
      "answer few-shot with worked examples: arithmetic or dates-and-units",
    )
    .option("--samples <n>", "how many paths sc and hybrid sample (default 5)", integer)
    .option("--temperature <t>", "sampling temperature, 0 to 2", number)
    .option("--top-p <p>", "keep the likeliest tokens up to this total probability", number)
    .option("--top-k <k>", "keep only the k likeliest tokens", integer)
    .option("--max-tokens <n>", "the most tokens per reply", integer)
    .option("--seed <n>", "a seed, for reproducible sampling", integer)
    .option("--show-prompt", "print the messages sent to the model")
    .option("--json", "print the whole result as JSON")
    .action(async (question: string, options: SolveCommandOptions) => {
      const { solveCommand } = await import("./solve-command.js");
      process.exitCode = await solveCommand(question, options);
    });

  program
    .command("run")
    .description("Run a JavaScript program in the QuickJS sandbox and print its answer.")
    .argument("<file>", "the program file, or - to read it from standard input")
    .addOption(
      new Option("--timeout-ms <ms>", "time the program may run")
        .argParser(integer)
        .default(DEFAULT_SANDBOX_LIMITS.timeoutMs),
    )
    .addOption(
      new Option("--memory-limit-mb <mb>", "heap the program may use")
        .argParser(integer)
        .default(DEFAULT_SANDBOX_LIMITS.memoryLimitBytes / MIB),
    )
    .option("--json", "print the whole result as JSON")
    .action(async (file: string, options: RunCommandOptions) => {
      const { runCommand } = await import("./run-command.js");
      process.exitCode = await runCommand(file, options);
    });

  program
    .command("render")
    .description("Print a template, or a chat in a model's format, exactly as a model receives it.")
    .argument("[template]", "a template name, such as roles/math-teacher")
    .option(
      "--var <key=value>",
      "a variable (repeatable; dots nest: problem.question=...)",
      collect,
      [],
    )
    .option("--vars <file.json>", "variables from a JSON file")
    .option(
      "--dir <folder>",
      "a folder of .hbs templates over the built-in ones (repeatable)",
      collect,
      [],
    )
    .option("--chat <messages.json>", "render these chat messages instead of a template")
    .option("--format <name>", "the chat format for --chat (see --list)")
    .option("--generation-prompt", "end with the header that opens the assistant's reply")
    .option(
      "--continue-final-message",
      "leave the last assistant message open for the model to continue",
    )
    .option("--fold-system", "fold a leading system message into the first user message")
    .option("--list", "list the templates and the chat formats")
    .action(async (template: string | undefined, options: RenderCommandOptions) => {
      const { renderCommand } = await import("./render-command.js");
      process.exitCode = await renderCommand(template, options);
    });

  program
    .command("models")
    .description("Say which model cotpot would use and why; --pull downloads it.")
    .option(
      "--model <model>",
      "a .gguf path, an hf: URI, or a server's model name (over COTPOT_MODEL)",
    )
    .option("--pull", "download (or load) the model now, with a progress bar")
    .action(async (options: ModelsCommandOptions) => {
      const { modelsCommand } = await import("./models-command.js");
      process.exitCode = await modelsCommand(options);
    });

  program
    .command("eval")
    .description(
      "Compare strategies on a dataset: accuracy, tokens, latency; a ledger and an HTML report.",
    )
    .argument("<dataset>", "GSM8K JSONL, SVAMP JSON, or JSONL of { id?, question, answer }")
    .option(
      "--strategies <list>",
      "comma-separated: direct, cot, pot, sc, hybrid",
      "direct,cot,pot",
    )
    .option("--limit <n>", "only the first n problems", integer)
    .option("--concurrency <n>", "items run at once", integer, 4)
    .option("--out <folder>", "where ledger.jsonl and report.html go", "cotpot-eval")
    .option("--resume", "continue the run whose ledger is in --out")
    .option(
      "--model <model>",
      "a .gguf path, an hf: URI, or a server's model name (over COTPOT_MODEL)",
    )
    .option("--role <name>", "a built-in role for every strategy")
    .option("--samples <n>", "paths sc and hybrid sample (default 5)", integer)
    .option("--price-in <usd>", "price per million prompt tokens, for a cost column", number)
    .option("--price-out <usd>", "price per million completion tokens", number)
    .action(async (dataset: string, options: EvalCommandOptions) => {
      const { evalCommand } = await import("./eval-command.js");
      process.exitCode = await evalCommand(dataset, options);
    });

  program
    .command("demo")
    .description(
      "The main job: the example problems through every strategy on the default model, with a report.",
    )
    .option(
      "--model <model>",
      "a .gguf path, an hf: URI, or a server's model name (over COTPOT_MODEL)",
    )
    .option(
      "--out <folder>",
      "where the demo writes its ledger and report, replacing the last",
      "cotpot-demo",
    )
    .option(
      "--programs",
      "instead, tour the sandbox with the programs in examples/programs (no model needed)",
    )
    .action(async (options: DemoCommandOptions) => {
      const { demoCommand } = await import("./demo-command.js");
      process.exitCode = await demoCommand(options);
    });

  return program;
}

/** The parsed flags of `cotpot run`. */
export interface RunCommandOptions {
  timeoutMs: number;
  memoryLimitMb: number;
  json?: boolean;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function number(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || Number.isNaN(value))
    throw new InvalidArgumentError("Expected a number.");
  return value;
}

function integer(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value)) throw new InvalidArgumentError("Expected a whole number.");
  return value;
}
