/**
 * Why a program failed. `syntax`: it does not parse. `runtime`: it threw, or its
 * answer is not plain data. `timeout`: it ran past `timeoutMs`. `memory`: it needed
 * more than `memoryLimitBytes`. `stack`: it recursed past `maxStackSizeBytes`.
 * `output`: its logs or its answer exceeded `maxOutputBytes`.
 */
export type ProgramErrorKind = "syntax" | "runtime" | "timeout" | "memory" | "stack" | "output";

/** A failure of the program itself, returned as a value, never thrown. */
export interface ProgramError {
  /** The class of failure; see {@link ProgramErrorKind}. */
  kind: ProgramErrorKind;
  /** For `syntax` and `runtime` failures, the error's name (`TypeError`), if it had one. */
  name?: string;
  /** QuickJS's message for the failure, or cotpot's for limits it enforces itself. */
  message: string;
  /** The 1-based line in the program as written, when the failure points at one. */
  line?: number;
  /** The 1-based column on {@link ProgramError.line}, when QuickJS reports it. */
  column?: number;
}

/** A program that ran to the end and produced an answer. */
export interface ProgramSuccess {
  ok: true;
  /**
   * The answer as plain data: a number, string, boolean, null, undefined, bigint, or
   * arrays and plain objects of those. A `Date` arrives as its ISO string.
   */
  answer: unknown;
  /** Lines the program wrote with `console.log` and friends, in order. */
  logs: string[];
  /** Time spent running the program, in milliseconds. */
  durationMs: number;
}

/** A program that failed; `logs` holds what it wrote before failing. */
export interface ProgramFailure {
  ok: false;
  error: ProgramError;
  logs: string[];
  durationMs: number;
}

/** What running a program gives back: always a value, whatever the program did. */
export type ProgramResult = ProgramSuccess | ProgramFailure;
