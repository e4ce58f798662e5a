import { createSandbox, type RunProgramOptions, type Sandbox } from "./create-sandbox.js";
import type { ProgramResult } from "./program-result.js";

let shared: Sandbox | undefined;

/**
 * Runs one JavaScript program in the shared sandbox (created on first use, one worker
 * per CPU core, idle workers never keeping the process alive).
 *
 * The program's answer is the return value of `solution()` if it defines one, else its
 * top-level `answer` (or `ans`) binding, else the value of its last statement.
 *
 * @returns a {@link ProgramResult}: `{ ok: true, answer, logs, durationMs }`, or
 * `{ ok: false, error: { kind, message, line? }, logs, durationMs }` for anything the
 * program did wrong. It never rejects because of the program.
 * @throws {InvalidOptionError} when a limit is out of range.
 * @example
 * ```ts
 * const result = await runProgram(`
 *   function solution() {
 *     const apples = 23 - 20 + 6;
 *     return apples;
 *   }
 * `);
 * result.ok ? result.answer : result.error.message; // 9
 * ```
 */
export async function runProgram(
  code: string,
  options: RunProgramOptions = {},
): Promise<ProgramResult> {
  shared ??= createSandbox();
  return shared.run(code, options);
}
