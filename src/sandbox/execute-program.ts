import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from "quickjs-emscripten-core";
import { classifyFailure, type GuestFailure, limitMessage } from "./classify-failure.js";
import { decodeAnswer } from "./decode-answer.js";
import type { FreshGuest } from "./fresh-guest.js";
import { ENCODE_ANSWER_SOURCE, RESOLVE_ANSWER_SOURCE } from "./guest-scripts.js";
import { OutputBuffer } from "./output-buffer.js";
import type { ProgramError } from "./program-result.js";
import type { SandboxLimits } from "./sandbox-limits.js";

/** The file name programs run under; stack traces and syntax errors point into it. */
export const PROGRAM_FILENAME = "program.js";

/** Everything {@link executeProgram} reports besides the time it took. */
export type Execution =
  | { ok: true; answer: unknown; logs: string[] }
  | { ok: false; error: ProgramError; logs: string[] };

interface Guest {
  runtime: QuickJSRuntime;
  context: QuickJSContext;
  output: OutputBuffer;
  limits: SandboxLimits;
  /** Whether the interrupt handler stopped the guest because the deadline passed. */
  timedOut: () => boolean;
  /** The heap is near its cap: a bare value thrown now is QuickJS failing to allocate. */
  heapUnderPressure: () => boolean;
}

/**
 * Runs one program in `fresh`, a runtime and context no program has used, under
 * `limits`. The caller releases `fresh` afterwards; it must not run another program.
 * Guest failures come back as values; an exception escaping this function means the
 * WebAssembly instance itself failed (a trap, or the host stack ran out inside it), and
 * the caller must stop using that instance.
 */
export function executeProgram(
  fresh: FreshGuest,
  code: string,
  limits: SandboxLimits,
  heapUnderPressure: () => boolean,
): Execution {
  const { runtime, context } = fresh;
  const output = new OutputBuffer(limits.maxOutputBytes);
  fresh.console.output = output;

  const deadline = performance.now() + limits.timeoutMs;
  let timedOut = false;
  runtime.setMemoryLimit(limits.memoryLimitBytes);
  runtime.setMaxStackSize(limits.maxStackSizeBytes);
  runtime.setInterruptHandler(() => {
    if (performance.now() > deadline) timedOut = true;
    return timedOut || output.exceeded;
  });

  const guest: Guest = {
    runtime,
    context,
    output,
    limits,
    timedOut: () => timedOut,
    heapUnderPressure,
  };
  return enforceLimits(guest, runProgram(guest, code));
}

/**
 * Once the output overflowed or the deadline passed, that is the result, whatever the
 * guest did after: host code (formatting a log line, reading the answer) may have
 * swallowed the interrupt, and a program may have finished in the meantime.
 */
function enforceLimits(guest: Guest, execution: Execution): Execution {
  const { output, limits } = guest;
  if (output.exceeded) return { ok: false, error: output.error(), logs: output.lines };

  if (guest.timedOut()) {
    const error = { kind: "timeout", message: limitMessage("timeout", limits) } as const;
    return { ok: false, error, logs: output.lines };
  }
  return execution;
}

function runProgram(guest: Guest, code: string): Execution {
  const evaluated = guest.context.evalCode(code, PROGRAM_FILENAME, { type: "global" });
  if (evaluated.error) return failWith(guest, evaluated.error, code);

  const resolved = resolveAnswer(guest, evaluated.value);
  if (resolved.error) return failWith(guest, resolved.error);

  const settled = settle(guest, resolved.value);
  if (settled.error) return failWith(guest, settled.error);

  return readAnswer(guest, settled.value);
}

type GuestResult = { value: QuickJSHandle; error?: undefined } | { error: QuickJSHandle };

/** Applies the answer conventions; `completion` is consumed. */
function resolveAnswer(guest: Guest, completion: QuickJSHandle): GuestResult {
  const { context } = guest;
  const resolved = context.evalCode(RESOLVE_ANSWER_SOURCE, "cotpot.js", { type: "global" });
  if (resolved.error) {
    completion.dispose();
    return resolved;
  }
  const wrapped = resolved.value;
  if (context.typeof(wrapped) === "undefined") {
    wrapped.dispose();
    return { value: completion };
  }

  completion.dispose();
  const value = context.getProp(wrapped, 0);
  wrapped.dispose();
  return { value };
}

/** Evaluates the function expression `source` and calls it on `argument`, consuming it. */
function callGuest(guest: Guest, source: string, argument: QuickJSHandle): GuestResult {
  const { context } = guest;
  const evaluated = context.evalCode(source, "cotpot.js", { type: "global" });
  if (evaluated.error) {
    argument.dispose();
    return evaluated;
  }

  const called = context.callFunction(evaluated.value, context.undefined, argument);
  evaluated.value.dispose();
  argument.dispose();
  return called;
}

/**
 * Runs pending jobs until `value` (if it is a promise) settles. The interrupt handler
 * bounds the loop: past the deadline a job fails and the failure is returned.
 */
function settle(guest: Guest, value: QuickJSHandle): GuestResult {
  const { context, runtime } = guest;

  for (;;) {
    const jobs = runtime.executePendingJobs();
    if (jobs.error) {
      value.dispose();
      return { error: jobs.error };
    }

    const state = context.getPromiseState(value);
    if (state.type === "fulfilled" && state.notAPromise) return { value };
    if (state.type === "pending" && runtime.hasPendingJob()) continue;

    value.dispose();
    if (state.type === "fulfilled") return { value: state.value };
    if (state.type === "rejected") return { error: state.error };
    return { error: context.newError("The answer is a promise that never settles.") };
  }
}

/** Copies the answer to the host: primitives directly, anything else through JSON. */
function readAnswer(guest: Guest, value: QuickJSHandle): Execution {
  const { context } = guest;
  const primitive = readPrimitive(context, value);
  if (primitive) {
    value.dispose();
    return answered(guest, primitive.bytes, () => primitive.answer);
  }

  const encoded = callGuest(guest, ENCODE_ANSWER_SOURCE, value);
  if (encoded.error) return failWith(guest, encoded.error);

  const json = context.getString(encoded.value);
  encoded.value.dispose();
  return answered(guest, Buffer.byteLength(json), () => decodeAnswer(json));
}

function readPrimitive(
  context: QuickJSContext,
  value: QuickJSHandle,
): { answer: unknown; bytes: number } | undefined {
  switch (context.typeof(value)) {
    case "number":
      return { answer: context.getNumber(value), bytes: 0 };
    case "string": {
      const text = context.getString(value);
      return { answer: text, bytes: Buffer.byteLength(text) };
    }
    case "boolean":
      return { answer: context.dump(value) === true, bytes: 0 };
    case "bigint": {
      const answer = context.getBigInt(value);
      return { answer, bytes: answer.toString().length };
    }
    case "undefined":
      return { answer: undefined, bytes: 0 };
    default:
      return undefined;
  }
}

/** The answer, unless its size in bytes is past `maxOutputBytes`. */
function answered(guest: Guest, bytes: number, answer: () => unknown): Execution {
  const { output, limits } = guest;
  if (bytes > limits.maxOutputBytes) {
    return { ok: false, error: output.answerTooLarge(bytes), logs: output.lines };
  }
  return { ok: true, answer: answer(), logs: output.lines };
}

function failWith(guest: Guest, thrown: QuickJSHandle, code?: string): Execution {
  const failure = describeThrown(guest, thrown, code);
  thrown.dispose();

  const context = { heapUnderPressure: guest.heapUnderPressure(), limits: guest.limits };
  return { ok: false, error: classifyFailure(failure, context), logs: guest.output.lines };
}

/**
 * Reads what the guest threw: `dump` of an Error gives its name, message and stack.
 * Only when the program threw a SyntaxError is it compiled once more, to tell a parse
 * failure from one raised while running (`JSON.parse` throws SyntaxErrors too).
 */
function describeThrown(guest: Guest, thrown: QuickJSHandle, code?: string): GuestFailure {
  const { context } = guest;
  let dumped: unknown;
  try {
    dumped = context.dump(thrown);
  } catch {
    dumped = undefined;
  }

  const failure: GuestFailure = { thrown: dumped, atParse: false };
  if (code !== undefined && isSyntaxError(dumped)) {
    const compiled = context.evalCode(code, PROGRAM_FILENAME, {
      type: "global",
      compileOnly: true,
    });
    failure.atParse = compiled.error !== undefined;
    (compiled.error ?? compiled.value).dispose();
  }
  return failure;
}

function isSyntaxError(value: unknown): boolean {
  return typeof value === "object" && value !== null && "name" in value
    ? value.name === "SyntaxError"
    : false;
}
