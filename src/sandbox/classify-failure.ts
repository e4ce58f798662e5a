import type { ProgramError, ProgramErrorKind } from "./program-result.js";
import type { SandboxLimits } from "./sandbox-limits.js";

/** What the guest threw, as `context.dump` gave it, and whether parsing failed. */
export interface GuestFailure {
  thrown: unknown;
  /** True when the program itself does not compile. */
  atParse: boolean;
}

/** Host-side facts that decide a failure's kind beyond what the guest threw. */
export interface FailureContext {
  heapUnderPressure: boolean;
  limits: SandboxLimits;
}

interface Described {
  name?: string;
  message: string;
  stack?: string;
}

const LOCATION = /program\.js:(\d+)(?::(\d+))?/;
const MIB = 1024 * 1024;

/**
 * Turns what a program threw into a {@link ProgramError}: its kind, QuickJS's message
 * (extended, for a limit, with the limit that was hit) and the line and column in the
 * program where it happened.
 */
export function classifyFailure(failure: GuestFailure, context: FailureContext): ProgramError {
  const described = describe(failure.thrown);
  const kind = kindOf(described, failure, context);

  if (kind !== "runtime" && kind !== "syntax") {
    return withLocation({ kind, message: limitMessage(kind, context.limits) }, described);
  }

  const error: ProgramError = { kind, message: described.message };
  if (described.name !== undefined) error.name = described.name;
  return withLocation(error, described);
}

/** Adds the line and column of the program's first frame in the stack, when trusted. */
function withLocation(error: ProgramError, described: Described): ProgramError {
  // An interrupt's stack points at the start of the script, not where it looped.
  const trusted = error.kind !== "timeout" && described.stack !== undefined;
  const location = trusted ? LOCATION.exec(described.stack ?? "") : null;
  if (location?.[1] !== undefined) error.line = Number(location[1]);
  if (location?.[2] !== undefined) error.column = Number(location[2]);

  return error;
}

function kindOf(
  described: Described,
  failure: GuestFailure,
  context: FailureContext,
): Exclude<ProgramErrorKind, "output"> {
  const { name, message } = described;

  if (name === "InternalError" && message === "interrupted") return "timeout";
  if (name === "InternalError" && message === "out of memory") return "memory";
  // With the heap at its cap, QuickJS may have nothing left to build the error from and
  // throws a bare value instead; only an Error with a name was thrown by the program.
  if (name === undefined && context.heapUnderPressure) return "memory";
  // The parser reports running out of stack on deeply nested source as a SyntaxError.
  if ((name === "InternalError" || name === "SyntaxError") && message === "stack overflow") {
    return "stack";
  }
  if (name === "SyntaxError" && failure.atParse) return "syntax";
  return "runtime";
}

/**
 * The message for a failure at a limit: what QuickJS said, then which limit and option
 * it was, so a reader (or a repair prompt) knows what to change.
 */
export function limitMessage(kind: "timeout" | "memory" | "stack", limits: SandboxLimits): string {
  switch (kind) {
    case "timeout":
      return `interrupted: the program ran longer than ${limits.timeoutMs} ms (timeoutMs)`;
    case "memory":
      return `out of memory: the program needed more than ${formatBytes(limits.memoryLimitBytes)} (memoryLimitBytes)`;
    case "stack":
      return `stack overflow: the program recursed deeper than ${formatBytes(limits.maxStackSizeBytes)} of stack allows (maxStackSizeBytes)`;
  }
}

function describe(thrown: unknown): Described {
  if (typeof thrown === "object" && thrown !== null && "message" in thrown) {
    const { name, message, stack } = thrown as Record<string, unknown>;
    const described: Described = { message: String(message) };
    if (typeof name === "string") described.name = name;
    if (typeof stack === "string") described.stack = stack;
    return described;
  }

  const text = typeof thrown === "string" ? thrown : JSON.stringify(thrown);
  return { message: `Uncaught ${text ?? String(thrown)}` };
}

function formatBytes(bytes: number): string {
  if (bytes >= MIB) return `${twoDecimals(bytes / MIB)} MiB`;
  if (bytes >= 1024) return `${twoDecimals(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

function twoDecimals(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
