import { CotpotError } from "./cotpot-error.js";

/**
 * Thrown when an option has a value cotpot cannot use. The message names the option,
 * the value that was given and what would be accepted; the same facts are fields.
 *
 * @example
 * ```ts
 * createSandbox({ timeoutMs: 0 });
 * // InvalidOptionError: Invalid timeoutMs: 0. Expected an integer from 1 to 600000.
 * ```
 */
export class InvalidOptionError extends CotpotError {
  override name = "InvalidOptionError";

  /** The option's name, as the caller spelled it (`timeoutMs`). */
  readonly option: string;

  /** The value that was rejected. */
  readonly value: unknown;

  /** What would be accepted, in words (`an integer from 1 to 600000`). */
  readonly expected: string;

  constructor(option: string, value: unknown, expected: string) {
    super(`Invalid ${option}: ${describeValue(value)}. Expected ${expected}.`);
    this.option = option;
    this.value = value;
    this.expected = expected;
  }
}

function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (value === null || typeof value !== "object") return String(value);
  return Array.isArray(value) ? "an array" : "an object";
}
