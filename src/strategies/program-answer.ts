/**
 * A program's answer as text for comparing and voting: numbers rounded to 12
 * significant digits (so 0.1 + 0.2 reads 0.3), other plain values as they print, and
 * nothing for `undefined`, `null` or `NaN`.
 */
export function programAnswer(value: unknown): string | null {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? String(Number(value.toPrecision(12))) : null;
    case "bigint":
    case "boolean":
      return String(value);
    case "string":
      return value.trim() === "" ? null : value.trim();
    case "object":
      return value === null ? null : JSON.stringify(value);
    default:
      return null;
  }
}
