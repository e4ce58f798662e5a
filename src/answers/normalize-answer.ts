/**
 * The numeric value an answer states, or undefined when it states no single number.
 * Reads thousands separators, currency signs, percent signs, trailing units, the
 * unicode minus, fractions (`3/4`) and mixed numbers (`1 1/2`).
 */
export function numericValue(answer: string): number | undefined {
  const text = answer
    .trim()
    .replace(/[−–]/g, "-")
    .replace(/^[^\d\-+.]*(?=[-+]?[$€£¥]?\s?[\d.])/, "")
    .replace(/[$€£¥]/g, "")
    .replace(/(\d),(?=\d{3}\b)/g, "$1");

  const mixed = /^([-+]?\d+)\s+(\d+)\s*\/\s*(\d+)/.exec(text);
  if (mixed) {
    const whole = Number(mixed[1]);
    const fraction = Number(mixed[2]) / Number(mixed[3]);
    return whole < 0 ? whole - fraction : whole + fraction;
  }
  const fraction = /^([-+]?\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)(?![\d.])/.exec(text);
  if (fraction) return Number(fraction[1]) / Number(fraction[2]);

  const number = /^([-+]?(?:\d+(?:\.\d*)?|\.\d+))(?:\s*%|\s*[a-zA-Z°][\w\s°/.-]*)?$/.exec(text);
  return number ? Number(number[1]) : undefined;
}

/**
 * An answer in a form that compares: a number as its plain decimal value (`$1,250.00`,
 * `1250 dollars` and `1250.0` all become `1250`), anything else lower-cased with its
 * whitespace collapsed.
 *
 * @example
 * ```ts
 * normalizeAnswer("$1,250.00"); // "1250"
 * normalizeAnswer("3/4"); // "0.75"
 * normalizeAnswer("  Paris "); // "paris"
 * ```
 */
export function normalizeAnswer(answer: string): string {
  const value = numericValue(answer);
  if (value !== undefined && Number.isFinite(value)) return String(Number(value.toPrecision(12)));
  return answer
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[.!]+$/, "");
}
