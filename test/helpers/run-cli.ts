import { type ChildProcess, execFile, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI = fileURLToPath(new URL("../../src/cli/index.ts", import.meta.url));

/** How a `cotpot` command ended. */
export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the `cotpot` command line from the sources, as a user would run the binary. */
export function cotpot(
  args: string[],
  input?: string,
  env: Record<string, string | undefined> = {},
): Promise<CliOutcome> {
  return runScript(CLI, args, input, env);
}

/**
 * Runs a TypeScript file of the project (an example, the CLI) in its own Node process,
 * from the project's root, where `cotpot` resolves to the sources.
 */
export function runScript(
  script: string,
  args: string[],
  input?: string,
  env: Record<string, string | undefined> = {},
  timeoutMs = 30_000,
): Promise<CliOutcome> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", script, ...args],
      { cwd: ROOT, timeout: timeoutMs, env: { ...process.env, NO_COLOR: "1", ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(input ?? "");
  });
}

/** Starts a `cotpot` command from the sources without waiting, for tests that stop it. */
export function spawnCotpot(
  args: string[],
  env: Record<string, string | undefined> = {},
): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}
