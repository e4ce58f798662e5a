#!/usr/bin/env node
import { CommanderError } from "commander";
import { CotpotError } from "../errors/index.js";
import { createProgram } from "./create-program.js";
import { InterruptedError } from "./interrupted-error.js";
import { UsageError } from "./usage-error.js";

// The `cotpot` executable. Commands load their modules only when they run, so `--help`
// never pays for QuickJS or model clients. This is the only place that decides the
// exit status.

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportFailure(error);
}

/**
 * Prints what went wrong and returns the exit status: 2 for a usage mistake, 130 when
 * the user interrupted, 1 for a failure cotpot explains (its message alone) or one it
 * did not expect (with the stack).
 */
function reportFailure(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has printed the message (or the help) already.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`cotpot: ${error.message}\n`);
    return 2;
  }
  if (error instanceof InterruptedError) {
    process.stderr.write(`cotpot: ${error.message}\n`);
    return 130;
  }
  if (error instanceof CotpotError) {
    // A failure cotpot explains itself (a template error, a rejected conversation).
    process.stderr.write(`cotpot: ${error.message}\n`);
    return 1;
  }
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  return 1;
}
