import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { percentile } from "./stats.js";

// `cotpot --help` must answer in well under half a second: commands load QuickJS and
// the model clients only when they run. Baseline: starting Node.js with nothing to do.

const CLI = fileURLToPath(new URL("../dist/cli/index.js", import.meta.url));
const RUNS = 15;

/** Prints the median start-up time of `cotpot --help` against an empty Node.js. */
export async function benchCliStartup(): Promise<void> {
  const bare = timeRuns(["-e", ""]);
  const help = timeRuns([CLI, "--help"]);
  const run = timeRuns([CLI, "run", "-"], "6 * 7");

  const bareP50 = percentile(bare, 0.5);
  for (const [label, samples] of [
    ["cotpot --help", help],
    ["cotpot run - (6 * 7)", run],
  ] as const) {
    const p50 = percentile(samples, 0.5);
    const ratio = (p50 / bareP50).toFixed(2);
    process.stdout.write(
      `${label}: ${p50.toFixed(0)} ms, bare node ${bareP50.toFixed(0)} ms (${ratio}x)\n`,
    );
  }

  const helpP50 = percentile(help, 0.5);
  process.stdout.write(
    `cli: --help ${helpP50.toFixed(0)} ms (${(helpP50 / bareP50).toFixed(2)}x bare node)\n`,
  );
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
