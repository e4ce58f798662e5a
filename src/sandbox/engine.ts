import { CotpotError } from "../errors/index.js";
import { type Execution, executeProgram } from "./execute-program.js";
import { type BoundedQuickJS, capBytesFor, loadQuickJS } from "./load-quickjs.js";
import { OutputBuffer } from "./output-buffer.js";
import type { ProgramError, ProgramResult } from "./program-result.js";
import type { SandboxLimits } from "./sandbox-limits.js";

/** Runs programs one at a time on a QuickJS instance it replaces when needed. */
export interface Engine {
  /**
   * Runs `code` under `limits`.
   *
   * @returns the program's result; a failure of the program is a value.
   * @throws {CotpotError} when the sandbox itself failed in a way no program should cause.
   */
  run(code: string, limits: SandboxLimits): Promise<ProgramResult>;
}

// A heap that grew past its starting size by more than this is given back after the
// program: an instance's memory only ever grows, so the instance is replaced.
const RETAINED_GROWTH_BYTES = 8 * 1024 * 1024;

// Within this distance of the cap, a failed allocation explains a bare `null` throw.
const EXHAUSTION_MARGIN_BYTES = 1024 * 1024;

/**
 * Creates the engine a sandbox worker runs programs on. Each program gets a fresh
 * QuickJS runtime and context; the WebAssembly instance under them is shared between
 * programs and replaced when a program grew its heap, asked for a different memory
 * limit, or broke it (a trap, or the host stack running out inside it).
 */
export function createEngine(): Engine {
  let instance: BoundedQuickJS | undefined;

  async function instanceFor(limits: SandboxLimits): Promise<BoundedQuickJS> {
    if (instance?.capBytes !== capBytesFor(limits.memoryLimitBytes)) {
      instance = await loadQuickJS(limits.memoryLimitBytes);
    }
    return instance;
  }

  async function run(code: string, limits: SandboxLimits): Promise<ProgramResult> {
    const current = await instanceFor(limits);
    const startedAt = performance.now();
    let outcome: ReturnType<typeof executeGuarded>;
    try {
      outcome = executeGuarded(current, code, limits);
    } catch (error) {
      instance = undefined;
      throw error;
    }
    const durationMs = performance.now() - startedAt;

    const { instanceBroken, ...execution } = outcome.execution;
    if (outcome.broken || instanceBroken || grewTooMuch(current)) instance = undefined;
    return { ...execution, durationMs };
  }

  return { run };
}

function executeGuarded(
  current: BoundedQuickJS,
  code: string,
  limits: SandboxLimits,
): { execution: Execution; broken: boolean } {
  const output = new OutputBuffer(limits.maxOutputBytes);
  const heapExhausted = () =>
    current.memory.buffer.byteLength >= current.capBytes - EXHAUSTION_MARGIN_BYTES;

  try {
    const execution = executeProgram(current.quickjs, code, limits, output, heapExhausted);
    return { execution, broken: false };
  } catch (error) {
    const failure = instanceFailure(error, heapExhausted(), limits);
    return { execution: { ok: false, error: failure, logs: output.lines }, broken: true };
  }
}

/**
 * Maps an exception that escaped QuickJS to the program failure that caused it. Two are
 * known: the host's own stack running out inside deep recursion (before QuickJS's
 * counter noticed), and a WebAssembly trap when the heap is exhausted.
 */
function instanceFailure(error: unknown, heapExhausted: boolean, limits: SandboxLimits) {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    const message = `stack overflow: the program recursed too deep for the host stack (maxStackSizeBytes is ${limits.maxStackSizeBytes})`;
    return { kind: "stack", name: "RangeError", message } satisfies ProgramError;
  }
  if (error instanceof WebAssembly.RuntimeError && heapExhausted) {
    const message = `out of memory: the program exhausted its ${limits.memoryLimitBytes}-byte heap (memoryLimitBytes)`;
    return { kind: "memory", message } satisfies ProgramError;
  }
  throw new CotpotError("The QuickJS sandbox failed while running a program.", { cause: error });
}

function grewTooMuch(current: BoundedQuickJS): boolean {
  return current.memory.buffer.byteLength > current.initialBytes + RETAINED_GROWTH_BYTES;
}
