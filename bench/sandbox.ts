import { existsSync, readdirSync, readFileSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import RELEASE_SYNC from "@jitl/quickjs-wasmfile-release-sync";
import {
  newQuickJSWASMModuleFromVariant,
  type QuickJSSyncVariant,
  type QuickJSWASMModule,
  shouldInterruptAfterDeadline,
} from "quickjs-emscripten-core";
import { createSandbox, DEFAULT_SANDBOX_LIMITS, type Sandbox } from "../src/index.js";
import { loadPotPrograms } from "../test/fixtures/pot-programs.js";
import { type BenchResult, type Figure, printFigure } from "./figures.js";
import { describeMachine, percentile } from "./stats.js";

// Our sandbox against bare quickjs-emscripten on the same programs, in one process:
// bare is a fresh runtime and context with the same limits and a deadline, one eval,
// then dispose, on this thread. Ours adds the answer conventions, output capture, the
// bounded heap and the hop to a worker thread and back.

const SHARED = fileURLToPath(new URL("../../shared/data/pot-programs/", import.meta.url));
const EXAMPLES = fileURLToPath(new URL("../examples/programs/", import.meta.url));
const LATENCY_RUNS = 2000;
const THROUGHPUT_RUNS = 10_000;
const PAUSE_MS = 2;

/** Measures per-program latency, throughput and time-to-stop, each against bare. */
export async function benchSandbox(): Promise<BenchResult> {
  const programs = loadPrograms();
  process.stdout.write(`machine: ${await describeMachine()}\n`);
  process.stdout.write(`programs: ${programs.source} (${programs.codes.length})\n`);

  const quickjs = await newQuickJSWASMModuleFromVariant(
    RELEASE_SYNC as unknown as QuickJSSyncVariant,
  );
  const sandbox = createSandbox();
  await warmUp(quickjs, sandbox, programs.codes);

  const { bare, ours: paced } = await interleavedLatency(quickjs, sandbox, programs.codes);
  const backToBack = await sequentialSandbox(sandbox, programs.codes);
  const bareP50 = percentile(bare, 0.5);
  const oursP50 = percentile(backToBack, 0.5);
  const latency: Figure[] = [
    {
      label: "p50 per program, back to back",
      value: oursP50,
      unit: "ms",
      baseline: { label: "bare p50", value: bareP50 },
      target: "at most 1.5x bare",
      met: oursP50 <= 1.5 * bareP50,
    },
    {
      label: "p95 per program, back to back",
      value: percentile(backToBack, 0.95),
      unit: "ms",
      baseline: { label: "bare p95", value: percentile(bare, 0.95) },
    },
    {
      label: `p50 per program, ${PAUSE_MS} ms apart`,
      value: percentile(paced, 0.5),
      unit: "ms",
      baseline: { label: "bare p50", value: bareP50 },
    },
    {
      label: "an empty message to a worker thread and back (p50), part of the above",
      value: percentile(await workerRoundTrips(), 0.5),
      unit: "ms",
    },
  ];
  for (const figure of latency) printFigure(figure);

  const bareRate = throughputBare(quickjs, programs.codes);
  const oursRate = await throughputSandbox(sandbox, programs.codes);
  const throughput: Figure = {
    label: `throughput with ${sandbox.workers} workers`,
    value: oursRate,
    unit: "programs/s",
    baseline: { label: "bare, one thread", value: bareRate },
    target: "at least 2,000 programs/s",
    met: oursRate >= 2000,
  };
  printFigure(throughput);

  const loopStopMs = await timeToStop(sandbox, "while (true) {}", 100);
  const joinStopMs = await timeToStop(sandbox, "new Array(1e9) + ''", 1000);
  const stops: Figure[] = [
    {
      label: "stop `while (true) {}`",
      value: loopStopMs,
      unit: "ms",
      baseline: { label: "the limit", value: 100 },
      target: "printed",
    },
    {
      label: "stop `new Array(1e9) + ''`",
      value: joinStopMs,
      unit: "ms",
      baseline: { label: "the limit", value: 1000 },
      target: "printed",
    },
  ];
  for (const figure of stops) printFigure(figure);
  await sandbox.dispose();

  const summary =
    `sandbox: p50 ${oursP50.toFixed(2)} ms (${(oursP50 / bareP50).toFixed(2)}x bare), ` +
    `${Math.round(oursRate)} programs/s, loop stop ${loopStopMs.toFixed(0)} ms, ` +
    `join stop ${(joinStopMs / 1000).toFixed(2)} s`;
  process.stdout.write(`${summary}\n`);
  return { figures: [...latency, throughput, ...stops], summary };
}

function loadPrograms(): { source: string; codes: string[] } {
  const gsm8k = `${SHARED}gsm8k-fewshot.jsonl`;
  if (existsSync(gsm8k)) {
    const { programs } = loadPotPrograms(gsm8k);
    return { source: "real GSM8K PoT programs", codes: programs.map((program) => program.code) };
  }

  const files = readdirSync(EXAMPLES).filter((file) => file.endsWith(".js"));
  const codes = files
    .map((file) => readFileSync(`${EXAMPLES}${file}`, "utf8"))
    .filter((code) => !/Expect: (timeout|memory)/.test(code));
  return { source: "examples/programs (../shared is absent)", codes };
}

async function warmUp(quickjs: QuickJSWASMModule, sandbox: Sandbox, codes: string[]) {
  for (let i = 0; i < 500; i++) runBare(quickjs, codes[i % codes.length] as string);
  for (let i = 0; i < 500; i++) await sandbox.run(codes[i % codes.length] as string);
}

function runBare(quickjs: QuickJSWASMModule, code: string): unknown {
  const limits = DEFAULT_SANDBOX_LIMITS;
  const runtime = quickjs.newRuntime();
  runtime.setMemoryLimit(limits.memoryLimitBytes);
  runtime.setMaxStackSize(limits.maxStackSizeBytes);
  runtime.setInterruptHandler(shouldInterruptAfterDeadline(Date.now() + limits.timeoutMs));

  const context = runtime.newContext();
  const result = context.evalCode(code, "program.js");
  const handle = result.error ?? result.value;
  const value = context.dump(handle);

  handle.dispose();
  context.dispose();
  runtime.dispose();
  return value;
}

/**
 * Times each program bare, then through the sandbox after a pause, as a strategy sends
 * its program once the model's reply arrived: alternating keeps both sides under the
 * same machine load, which drifts.
 */
async function interleavedLatency(
  quickjs: QuickJSWASMModule,
  sandbox: Sandbox,
  codes: string[],
): Promise<{ bare: number[]; ours: number[] }> {
  const bare: number[] = [];
  const ours: number[] = [];

  for (let i = 0; i < LATENCY_RUNS; i++) {
    const code = codes[i % codes.length] as string;
    let startedAt = performance.now();
    runBare(quickjs, code);
    bare.push(performance.now() - startedAt);

    await delay(PAUSE_MS);
    startedAt = performance.now();
    await sandbox.run(code);
    ours.push(performance.now() - startedAt);
  }
  return { bare, ours };
}

/** Times programs sent one after another with no pause: no time to prepare between. */
async function sequentialSandbox(sandbox: Sandbox, codes: string[]): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < LATENCY_RUNS; i++) {
    const startedAt = performance.now();
    await sandbox.run(codes[i % codes.length] as string);
    samples.push(performance.now() - startedAt);
  }
  return samples;
}

/**
 * Times an empty message to a worker thread and back: the floor any sandbox that runs
 * programs off the caller's thread pays, which varies with the machine's scheduler.
 */
async function workerRoundTrips(): Promise<number[]> {
  const echo = new Worker(
    "require('node:worker_threads').parentPort.on('message', (m) => require('node:worker_threads').parentPort.postMessage(m));",
    { eval: true },
  );
  const samples: number[] = [];
  for (let i = 0; i < LATENCY_RUNS; i++) {
    const startedAt = performance.now();
    await new Promise((resolve) => {
      echo.once("message", resolve);
      echo.postMessage(i);
    });
    samples.push(performance.now() - startedAt);
  }
  await echo.terminate();
  return samples;
}

function throughputBare(quickjs: QuickJSWASMModule, codes: string[]): number {
  const startedAt = performance.now();
  for (let i = 0; i < THROUGHPUT_RUNS; i++) runBare(quickjs, codes[i % codes.length] as string);
  return THROUGHPUT_RUNS / ((performance.now() - startedAt) / 1000);
}

async function throughputSandbox(sandbox: Sandbox, codes: string[]): Promise<number> {
  const startedAt = performance.now();
  const runs = Array.from({ length: THROUGHPUT_RUNS }, (_, i) =>
    sandbox.run(codes[i % codes.length] as string),
  );
  await Promise.all(runs);
  return THROUGHPUT_RUNS / ((performance.now() - startedAt) / 1000);
}

async function timeToStop(sandbox: Sandbox, code: string, timeoutMs: number): Promise<number> {
  const startedAt = performance.now();
  await sandbox.run(code, { timeoutMs });
  return performance.now() - startedAt;
}
