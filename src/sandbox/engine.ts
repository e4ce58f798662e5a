import { CotpotError } from "../errors/index.js";
import { type Execution, executeProgram } from "./execute-program.js";
import { createFreshGuest, type FreshGuest } from "./fresh-guest.js";
import { type BoundedQuickJS, capBytesFor, loadQuickJS } from "./load-quickjs.js";
import type { ProgramError, ProgramResult } from "./program-result.js";
import type { SandboxLimits } from "./sandbox-limits.js";

/** Runs programs one at a time on a QuickJS instance it replaces when needed. */
export interface Engine {
  /**
   * Runs `code` under `limits` in a runtime and context no program has used.
   *
   * @returns the program's result; a failure of the program is a value.
   * @throws {CotpotError} when the sandbox itself failed in a way no program should cause.
   */
  run(code: string, limits: SandboxLimits): Promise<ProgramResult>;
  /**
   * Frees the last program's runtime and prepares the next one. Call it once the result
   * is on its way, so this work is off the path of the next request; `run` does it
   * itself when it was not called.
   */
  tidy(): void;
  /**
   * How many QuickJS instances the engine has loaded. It grows only when a program
   * grew the heap, changed the memory limit or broke an instance.
   */
  readonly instancesLoaded: number;
}

// A heap that grew past its starting size by more than this is given back after the
// program: an instance's memory only ever grows, so the instance is replaced.
const RETAINED_GROWTH_BYTES = 8 * 1024 * 1024;

// Once a program's heap has grown past this share of its allowance, a failed
// allocation (which may be a large one, such as a hash table doubling) explains a bare
// value thrown in place of an error.
const PRESSURE_SHARE = 0.5;

interface Prepared {
  guest: FreshGuest;
  instance: BoundedQuickJS;
}

/**
 * Creates the engine a sandbox worker runs programs on. Each program gets a fresh
 * QuickJS runtime and context, prepared while the engine waits for it; the WebAssembly
 * instance under them is shared between programs and replaced when a program grew its
 * heap, asked for a different memory limit, or broke it (a trap, or the host stack
 * running out inside it).
 */
export function createEngine(): Engine {
  let instance: BoundedQuickJS | undefined;
  let instancesLoaded = 0;
  let spare: Prepared | undefined;
  let used: Prepared | undefined;

  async function instanceFor(limits: SandboxLimits): Promise<BoundedQuickJS> {
    if (instance?.capBytes !== capBytesFor(limits.memoryLimitBytes)) {
      instance = await loadQuickJS(limits.memoryLimitBytes);
      instancesLoaded += 1;
    }
    return instance;
  }

  function takeGuest(current: BoundedQuickJS): Prepared {
    const ready = spare?.instance === current ? spare : undefined;
    spare = undefined;
    return ready ?? { guest: createFreshGuest(current.quickjs), instance: current };
  }

  function tidy(): void {
    if (used) {
      const sound = used.instance === instance && used.guest.release();
      if (!sound || grewTooMuch(used.instance)) instance = undefined;
      used = undefined;
    }
    if (instance && spare?.instance !== instance) {
      spare = { guest: createFreshGuest(instance.quickjs), instance };
    }
  }

  async function run(code: string, limits: SandboxLimits): Promise<ProgramResult> {
    tidy();
    const current = await instanceFor(limits);
    used = takeGuest(current);

    const startedAt = performance.now();
    let outcome: ReturnType<typeof executeGuarded>;
    try {
      outcome = executeGuarded(used, code, limits);
    } catch (error) {
      instance = undefined;
      throw error;
    }
    const durationMs = performance.now() - startedAt;

    if (outcome.broken) instance = undefined;
    return { ...outcome.execution, durationMs };
  }

  return {
    run,
    tidy,
    get instancesLoaded() {
      return instancesLoaded;
    },
  };
}

function executeGuarded(
  prepared: Prepared,
  code: string,
  limits: SandboxLimits,
): { execution: Execution; broken: boolean } {
  const { instance, guest } = prepared;
  const allowanceBytes = instance.capBytes - instance.initialBytes;
  const heapUnderPressure = () =>
    instance.memory.buffer.byteLength - instance.initialBytes >= allowanceBytes * PRESSURE_SHARE;

  try {
    return { execution: executeProgram(guest, code, limits, heapUnderPressure), broken: false };
  } catch (error) {
    const failure = instanceFailure(error, heapUnderPressure(), limits);
    const logs = guest.console.output?.lines ?? [];
    return { execution: { ok: false, error: failure, logs }, broken: true };
  }
}

/**
 * Maps an exception that escaped QuickJS to the program failure that caused it. Two are
 * known: the host's own stack running out inside deep recursion (before QuickJS's
 * counter noticed), and a WebAssembly trap when the heap is exhausted.
 */
function instanceFailure(error: unknown, heapUnderPressure: boolean, limits: SandboxLimits) {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    const message = `stack overflow: the program recursed too deep for the host stack (maxStackSizeBytes is ${limits.maxStackSizeBytes})`;
    return { kind: "stack", message } satisfies ProgramError;
  }
  if (error instanceof WebAssembly.RuntimeError && heapUnderPressure) {
    const message = `out of memory: the program exhausted its ${limits.memoryLimitBytes}-byte heap (memoryLimitBytes)`;
    return { kind: "memory", message } satisfies ProgramError;
  }
  throw new CotpotError("The QuickJS sandbox failed while running a program.", { cause: error });
}

function grewTooMuch(instance: BoundedQuickJS): boolean {
  return instance.memory.buffer.byteLength > instance.initialBytes + RETAINED_GROWTH_BYTES;
}
