import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type BenchResult, type Figure, printFigure } from "./figures.js";
import { percentile } from "./stats.js";

// `cotpot --help` must answer in well under half a second: commands load QuickJS and
// the model clients only when they run. Baseline: starting Node.js with nothing to do.

const CLI = fileURLToPath(new URL("../dist/cli/index.js", import.meta.url));
const RUNS = 15;

/** Measures the median start-up time of `cotpot --help` against an empty Node.js. */
export async function benchCliStartup(): Promise<BenchResult> {
  const bare = percentile(timeRuns(["-e", ""]), 0.5);
  const help = percentile(timeRuns([CLI, "--help"]), 0.5);
  const run = percentile(timeRuns([CLI, "run", "-"], "6 * 7"), 0.5);
  const baseline = { label: "node -e ''", value: bare };

  const figures: Figure[] = [
    {
      label: "cotpot --help",
      value: help,
      unit: "ms",
      baseline,
      target: "well under 500 ms",
      met: help < 500,
    },
    { label: "cotpot run - (6 * 7)", value: run, unit: "ms", baseline },
  ];
  for (const figure of figures) printFigure(figure);

  const summary = `cli: --help ${help.toFixed(0)} ms (${(help / bare).toFixed(2)}x bare node)`;
  process.stdout.write(`${summary}\n`);
  return { figures, summary };
}

function timeRuns(args: string[], input = ""): number[] {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const startedAt = performance.now();
    execFileSync(process.execPath, args, { input, stdio: ["pipe", "ignore", "ignore"] });
    samples.push(performance.now() - startedAt);
  }
  return samples;
}
