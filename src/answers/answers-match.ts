import { normalizeAnswer, numericValue } from "./normalize-answer.js";

// Answers computed in floating point (a PoT program's 0.1 + 0.2) differ from the gold
// in the last digits; anything more than this relative difference is a different answer.
const RELATIVE_TOLERANCE = 1e-6;

/**
 * Whether a predicted answer states the same as the gold one: numbers compare by value
 * (`$18.00` matches `18`, `3/4` matches `0.75`, but `-4` never matches `4` and `1.5`
 * never `15`), text compares without regard to case and spacing.
 *
 * @example
 * ```ts
 * answersMatch("18 dollars", "18"); // true
 * answersMatch("1.5", "15"); // false
 * ```
 */
export function answersMatch(predicted: string | null, gold: string): boolean {
  if (predicted === null) return false;
  const a = numericValue(predicted);
  const b = numericValue(gold);

  if (a !== undefined && b !== undefined) {
    return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(b));
  }
  if (a !== undefined || b !== undefined) return false;
  return normalizeAnswer(predicted) === normalizeAnswer(gold);
}
