import OpenAI from "openai";
import { localModel, openai } from "../src/index.js";
import { startOpenAITestServer } from "../test/helpers/openai-test-server.js";
import { TINY_MODEL } from "../test/helpers/tiny-model.js";
import { type BenchResult, type Figure, printFigure } from "./figures.js";
import { describeMachine, percentile } from "./stats.js";

// An openai() chat call against the raw `openai` SDK call it makes, to the same loopback
// server in the same process; then cotpot's throughput at several concurrencies; then
// the local model's reuse of a shared prompt prefix.

const CALLS = 2000;
const THROUGHPUT_CALLS = 3000;
const messages = [
  { role: "system", content: "You are a careful accountant." },
  { role: "user", content: "A jacket costs $80 with 25% off. What do I pay?" },
] as const;

/** Measures cotpot's call overhead, throughput and local prefix reuse. */
export async function benchModels(): Promise<BenchResult> {
  process.stdout.write(`machine: ${await describeMachine()}\n`);
  const server = await startOpenAITestServer();
  try {
    const call = await overhead(server.baseURL);
    const rates = await throughput(server.baseURL);
    const reuse = await prefixReuse();
    const figures = [call, ...rates, ...reuse];
    for (const figure of figures) printFigure(figure);

    const c64 = rates.at(-1)?.value ?? 0;
    const share = reuse.at(-1);
    const reuseText = share ? `prefix reuse ${share.value.toFixed(0)}%` : "prefix reuse skipped";
    const summary = `models: ${(call.value / (call.baseline?.value ?? 1)).toFixed(2)}x raw SDK, c64 ${Math.round(c64)} req/s, ${reuseText}`;
    process.stdout.write(`${summary}\n`);
    return { figures, summary };
  } finally {
    await server.close();
  }
}

/** An openai() chat call against the raw SDK call, alternating, p50 of each. */
async function overhead(baseURL: string): Promise<Figure> {
  const raw = new OpenAI({ baseURL, apiKey: "not-needed", maxRetries: 2, timeout: 60_000 });
  const model = openai({ model: "bench", baseURL });
  const body = { model: "bench", messages: [...messages] };
  const rawCall = () => raw.chat.completions.create(body);
  const ours = () => model.chat([...messages]);

  for (let i = 0; i < 300; i++) {
    await rawCall();
    await ours();
  }
  const samples = { raw: [] as number[], ours: [] as number[] };
  for (let i = 0; i < CALLS; i++) {
    samples.raw.push(await timed(rawCall));
    samples.ours.push(await timed(ours));
  }

  const rawP50 = percentile(samples.raw, 0.5);
  const oursP50 = percentile(samples.ours, 0.5);
  return {
    label: "chat call p50, loopback",
    value: oursP50,
    unit: "ms",
    baseline: { label: "the raw openai SDK call", value: rawP50 },
    target: "at most 1.10x the raw SDK",
    met: oursP50 <= 1.1 * rawP50,
  };
}

async function throughput(baseURL: string): Promise<Figure[]> {
  const model = openai({ model: "bench", baseURL });
  const figures: Figure[] = [];
  for (const concurrency of [1, 8, 64]) {
    let next = 0;
    const startedAt = performance.now();
    const worker = async () => {
      while (next < THROUGHPUT_CALLS) {
        next += 1;
        await model.chat([...messages]);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const rate = THROUGHPUT_CALLS / ((performance.now() - startedAt) / 1000);
    figures.push({
      label: `throughput at concurrency ${concurrency}`,
      value: rate,
      unit: "req/s",
      target: "printed",
    });
  }
  return figures;
}

/**
 * The prompt tokens the local model evaluated for a second prompt sharing a long
 * prefix with the first, against those it evaluated for the first; and the share of
 * the second prompt it took from its cache.
 */
async function prefixReuse(): Promise<Figure[]> {
  if (TINY_MODEL.missing) {
    process.stdout.write(`local prefix reuse: skipped (${TINY_MODEL.missing})\n`);
    return [];
  }
  const model = localModel({ model: TINY_MODEL.path, gpu: false, contextSize: 2048 });
  const prefix = "You are a patient mathematics teacher. Check every step of your work. ".repeat(
    40,
  );
  try {
    const first = await model.generate(`${prefix}\nQ: What is 17 * 3?\nA:`, { maxTokens: 1 });
    const second = await model.generate(`${prefix}\nQ: What is 19 * 4?\nA:`, { maxTokens: 1 });
    const evaluated = (usage: typeof first.usage) =>
      usage.promptTokens - (usage.cachedPromptTokens ?? 0);
    const reused = second.usage.cachedPromptTokens ?? 0;
    return [
      {
        label: "local model: prompt tokens evaluated for a second question after a shared prefix",
        value: evaluated(second.usage),
        unit: "tokens",
        baseline: { label: "for the first question", value: evaluated(first.usage) },
        target: "printed",
      },
      {
        label: "local model: share of the second prompt taken from the KV cache",
        value: (reused / second.usage.promptTokens) * 100,
        unit: "%",
        target: "printed",
      },
    ];
  } finally {
    await model.dispose();
  }
}

async function timed(call: () => Promise<unknown>): Promise<number> {
  const startedAt = performance.now();
  await call();
  return performance.now() - startedAt;
}
