import { InvalidOptionError } from "../errors/index.js";

/** The limits one program runs under; every field has a default. */
export interface SandboxOptions {
  /** Wall-clock time the program may run, in milliseconds. Default 2000. */
  timeoutMs?: number;
  /** Heap the program may use, in bytes. Default 64 MiB. */
  memoryLimitBytes?: number;
  /** Stack the program may use, in bytes; about 6,000 calls deep per MiB. Default 1 MiB. */
  maxStackSizeBytes?: number;
  /** Bytes of console output, and of the serialized answer, kept. Default 64 KiB. */
  maxOutputBytes?: number;
}

/** {@link SandboxOptions} with every limit decided. */
export type SandboxLimits = Required<SandboxOptions>;

const MIB = 1024 * 1024;

/** The limits a program gets when the caller sets none. */
export const DEFAULT_SANDBOX_LIMITS: Readonly<SandboxLimits> = Object.freeze({
  timeoutMs: 2000,
  memoryLimitBytes: 64 * MIB,
  maxStackSizeBytes: 1 * MIB,
  maxOutputBytes: 64 * 1024,
});

/** The smallest and largest value a limit accepts, and its unit. */
export interface LimitRange {
  min: number;
  max: number;
  unit: string;
}

/**
 * What each limit accepts. The stack bound comes from the WebAssembly build: its own C
 * stack is 5 MiB, and QuickJS must notice an overflow before that stack runs out.
 */
export const SANDBOX_LIMIT_RANGES: Readonly<Record<keyof SandboxLimits, LimitRange>> = {
  timeoutMs: { min: 1, max: 600_000, unit: "milliseconds" },
  memoryLimitBytes: { min: 1 * MIB, max: 1024 * MIB, unit: "bytes" },
  maxStackSizeBytes: { min: 16 * 1024, max: 4 * MIB, unit: "bytes" },
  maxOutputBytes: { min: 0, max: 64 * MIB, unit: "bytes" },
};

/**
 * Merges `options` over `base` and checks every limit.
 *
 * @returns the complete limits.
 * @throws {InvalidOptionError} when a limit is not an integer in its allowed range; the
 * error names the option, the value and the range.
 * @example
 * ```ts
 * resolveSandboxLimits({ timeoutMs: 500 }).memoryLimitBytes; // 67108864
 * ```
 */
export function resolveSandboxLimits(
  options: SandboxOptions = {},
  base: Readonly<SandboxLimits> = DEFAULT_SANDBOX_LIMITS,
): SandboxLimits {
  const limits = { ...base };

  for (const name of Object.keys(SANDBOX_LIMIT_RANGES) as (keyof SandboxLimits)[]) {
    const value = options[name];
    if (value === undefined) continue;

    checkInRange(name, value);
    limits[name] = value;
  }

  return limits;
}

function checkInRange(name: keyof SandboxLimits, value: unknown): void {
  const { min, max, unit } = SANDBOX_LIMIT_RANGES[name];
  const inRange = typeof value === "number" && Number.isInteger(value);

  if (!inRange || value < min || value > max) {
    throw new InvalidOptionError(name, value, `an integer from ${min} to ${max} (${unit})`);
  }
}
