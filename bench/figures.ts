/** One measured figure, with the baseline it is compared to in the same run. */
export interface Figure {
  /** What was measured, such as "p50 per program, back to back". */
  label: string;
  value: number;
  unit: string;
  /** The same work done the plain way, measured in the same process. */
  baseline?: { label: string; value: number };
  /** What the issue asked of this figure, in words ("at most 1.5x bare"). */
  target?: string;
  /** Whether the figure meets its target; unset when there is none. */
  met?: boolean;
}

/** What one benchmark measured: its figures and the one-line summary it printed last. */
export interface BenchResult {
  figures: Figure[];
  summary: string;
}

/** The figure's value over its baseline's, or undefined without a baseline. */
export function ratioOf(figure: Figure): number | undefined {
  return figure.baseline ? figure.value / figure.baseline.value : undefined;
}

/** A value with as many decimals as its size deserves. */
export function formatValue(value: number, unit: string): string {
  const digits = Number.isInteger(value) || value >= 100 ? 0 : value >= 10 ? 1 : value >= 1 ? 2 : 3;
  return `${value.toFixed(digits)} ${unit}`;
}

/** Prints a figure as it is measured: the value, and its baseline and ratio if it has one. */
export function printFigure(figure: Figure): void {
  const { label, value, unit, baseline } = figure;
  const ratio = ratioOf(figure);
  const against =
    baseline && ratio !== undefined
      ? `; ${baseline.label} ${formatValue(baseline.value, unit)} (${ratio.toFixed(2)}x)`
      : "";
  process.stdout.write(`${label}: ${formatValue(value, unit)}${against}\n`);
}
