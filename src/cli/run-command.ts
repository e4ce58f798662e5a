import { readFile } from "node:fs/promises";
import { text } from "node:stream/consumers";
import { inspect } from "node:util";
import {
  createSandbox,
  type ProgramResult,
  SANDBOX_LIMIT_RANGES,
  type SandboxOptions,
} from "../sandbox/index.js";
import type { RunCommandOptions } from "./create-program.js";
import { UsageError } from "./usage-error.js";

const MIB = 1024 * 1024;

/**
 * `cotpot run <file | ->`: runs one program in the sandbox and prints its logs, then its
 * answer or its error.
 *
 * @returns the exit status: 0 when the program produced an answer, 1 when it failed.
 * @throws {UsageError} when the file cannot be read or a flag is out of range.
 */
export async function runCommand(file: string, options: RunCommandOptions): Promise<number> {
  const code = await readProgram(file);
  const sandbox = createSandbox({ workers: 1, ...sandboxOptions(options) });

  try {
    const result = await sandbox.run(code);
    if (options.json) printJson(result);
    else printResult(result);
    return result.ok ? 0 : 1;
  } finally {
    await sandbox.dispose();
  }
}

async function readProgram(file: string): Promise<string> {
  if (file === "-") return text(process.stdin);
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : "unreadable";
    throw new UsageError(`cannot read program file '${file}' (${reason}).`, { cause: error });
  }
}

/** Converts the flags to sandbox limits, checking them in the units the flags use. */
function sandboxOptions(options: RunCommandOptions): SandboxOptions {
  const time = SANDBOX_LIMIT_RANGES.timeoutMs;
  checkFlag("--timeout-ms", options.timeoutMs, time.min, time.max);

  const memory = SANDBOX_LIMIT_RANGES.memoryLimitBytes;
  checkFlag("--memory-limit-mb", options.memoryLimitMb, memory.min / MIB, memory.max / MIB);

  return { timeoutMs: options.timeoutMs, memoryLimitBytes: options.memoryLimitMb * MIB };
}

function checkFlag(flag: string, value: number, min: number, max: number): void {
  if (value < min || value > max) {
    throw new UsageError(`${flag} must be from ${min} to ${max}; got ${value}.`);
  }
}

function printResult(result: ProgramResult): void {
  for (const line of result.logs) process.stdout.write(`${line}\n`);

  if (result.ok) {
    process.stdout.write(`answer: ${inspect(result.answer, { depth: 6, colors: colorful() })}\n`);
    return;
  }
  const { kind, name, message, line, column } = result.error;
  const where = line === undefined ? "" : ` at line ${line}${column ? `:${column}` : ""}`;
  process.stderr.write(`error (${kind})${where}: ${name ? `${name}: ` : ""}${message}\n`);
}

function printJson(result: ProgramResult): void {
  const json = JSON.stringify(result, (_key, value) =>
    typeof value === "bigint" ? value.toString() : value,
  );
  process.stdout.write(`${json}\n`);
}

function colorful(): boolean {
  return process.stdout.isTTY === true && !("NO_COLOR" in process.env);
}
