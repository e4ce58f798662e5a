import { type StrategySummary, summaryCells } from "../eval/index.js";

/** A run's summary as an aligned text table, for the terminal. */
export function summaryTable(summary: readonly StrategySummary[]): string {
  const { header, rows } = summaryCells(summary);
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );

  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join("  ");
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join(
    "\n",
  );
}
