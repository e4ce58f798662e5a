import { availableParallelism } from "node:os";
import { InvalidOptionError } from "../errors/index.js";
import type { ProgramResult } from "./program-result.js";
import {
  DEFAULT_SANDBOX_LIMITS,
  resolveSandboxLimits,
  type SandboxLimits,
  type SandboxOptions,
} from "./sandbox-limits.js";
import { WorkerPool } from "./worker-pool.js";

/** Options for {@link createSandbox}: default limits for its programs, and its size. */
export interface CreateSandboxOptions extends SandboxOptions {
  /** Worker threads running programs in parallel. Default: the number of CPU cores. */
  workers?: number;
}

/** Options for one run: limits that override the sandbox's, and a way to cancel. */
export interface RunProgramOptions extends SandboxOptions {
  /** Aborting it stops the program (terminating its worker) and rejects the run. */
  signal?: AbortSignal;
}

/** A set of warm workers that run model-written programs in QuickJS. */
export interface Sandbox {
  /** The limits a program gets unless its run overrides them. */
  readonly limits: Readonly<SandboxLimits>;
  /** How many worker threads run programs in parallel. */
  readonly workers: number;
  /**
   * Runs `code` in a fresh QuickJS runtime and context.
   *
   * @returns the program's result. Whatever the program does (throw, loop, allocate
   * without end, flood the console) comes back as a failed result, within its timeout
   * plus a quarter second.
   * @throws {InvalidOptionError} for a limit out of range or code that is not a string.
   * @throws the signal's reason when `signal` aborts first.
   */
  run(code: string, options?: RunProgramOptions): Promise<ProgramResult>;
  /** Terminates the workers; programs still queued or running are rejected. */
  dispose(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

const MAX_WORKERS = 64;

/**
 * Creates a sandbox whose worker threads run JavaScript programs under time, memory,
 * stack and output limits. Workers start at once, so the first program does not wait
 * for QuickJS to load; idle workers do not keep the process alive.
 *
 * Each program sees plain ECMAScript and a `console` whose output is captured: no
 * `require`, no `import`, no timers, no network or file system, nothing of the host.
 * Its answer is the return value of `solution()` if it defines one, else its top-level
 * `answer` (or `ans`) binding, else the value of its last statement; promises are
 * awaited within the timeout.
 *
 * @throws {InvalidOptionError} when an option is out of range; the error names it.
 * @example
 * ```ts
 * const sandbox = createSandbox({ timeoutMs: 1000 });
 * const result = await sandbox.run("function solution() { return 6 * 7; }");
 * if (result.ok) console.log(result.answer); // 42
 * await sandbox.dispose();
 * ```
 */
export function createSandbox(options: CreateSandboxOptions = {}): Sandbox {
  const { workers = availableParallelism(), ...limitOptions } = options;
  const limits = Object.freeze(resolveSandboxLimits(limitOptions, DEFAULT_SANDBOX_LIMITS));
  checkWorkers(workers);

  const pool = new WorkerPool(workers, limits);
  const dispose = () => pool.dispose();

  return {
    limits,
    workers,
    run(code, runOptions = {}) {
      if (typeof code !== "string") {
        throw new InvalidOptionError("code", code, "a string of JavaScript");
      }
      const { signal, ...overrides } = runOptions;
      return pool.run(code, resolveSandboxLimits(overrides, limits), signal);
    },
    dispose,
    [Symbol.asyncDispose]: dispose,
  };
}

function checkWorkers(workers: unknown): void {
  const valid = typeof workers === "number" && Number.isInteger(workers);
  if (!valid || workers < 1 || workers > MAX_WORKERS) {
    throw new InvalidOptionError("workers", workers, `an integer from 1 to ${MAX_WORKERS}`);
  }
}
