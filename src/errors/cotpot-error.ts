/**
 * The base class of every error cotpot throws, so callers can tell cotpot's failures
 * from their own with one `instanceof` check.
 *
 * Subclasses carry the data a caller can act on (the option that was wrong, the limit
 * that was hit) as fields, and pass the underlying error through `cause`.
 *
 * @example
 * ```ts
 * try {
 *   await runProgram(code, { timeoutMs: -1 });
 * } catch (error) {
 *   if (error instanceof CotpotError) console.error(error.message);
 * }
 * ```
 */
export class CotpotError extends Error {
  override name = "CotpotError";
}
