import OpenAI from "openai";
import { localModel, openai } from "../src/index.js";
import { startOpenAITestServer } from "../test/helpers/openai-test-server.js";
import { TINY_MODEL } from "../test/helpers/tiny-model.js";
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

/** Prints cotpot's call overhead, throughput and local prefix reuse. */
export async function benchModels(): Promise<void> {
  process.stdout.write(`machine: ${await describeMachine()}\n`);
  const server = await startOpenAITestServer();
  try {
    const ratio = await overhead(server.baseURL);
    const rates = await throughput(server.baseURL);
    const reuse = await prefixReuse();
    const reuseText =
      reuse === undefined ? "prefix reuse skipped" : `prefix reuse ${(reuse * 100).toFixed(0)}%`;
    process.stdout.write(
      `models: ${ratio.toFixed(2)}x raw SDK, c64 ${Math.round(rates.get(64) ?? 0)} req/s, ${reuseText}\n`,
    );
  } finally {
    await server.close();
  }
}

async function overhead(baseURL: string): Promise<number> {
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
  const ratio = oursP50 / rawP50;
  process.stdout.write(
    `chat call p50: openai() ${oursP50.toFixed(3)} ms, raw SDK ${rawP50.toFixed(3)} ms (${ratio.toFixed(2)}x)\n`,
  );
  return ratio;
}

async function throughput(baseURL: string): Promise<Map<number, number>> {
  const model = openai({ model: "bench", baseURL });
  const rates = new Map<number, number>();
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
    rates.set(concurrency, rate);
    process.stdout.write(`throughput at concurrency ${concurrency}: ${Math.round(rate)} req/s\n`);
  }
  return rates;
}

/** The share of a second prompt's tokens the local model did not evaluate again. */
async function prefixReuse(): Promise<number | undefined> {
  if (TINY_MODEL.missing) {
    process.stdout.write(`local prefix reuse: skipped (${TINY_MODEL.missing})\n`);
    return undefined;
  }
  const model = localModel({ model: TINY_MODEL.path, gpu: false, contextSize: 2048 });
  const prefix = "You are a patient mathematics teacher. Check every step of your work. ".repeat(
    40,
  );
  try {
    const first = await model.generate(`${prefix}\nQ: What is 17 * 3?\nA:`, { maxTokens: 1 });
    const second = await model.generate(`${prefix}\nQ: What is 19 * 4?\nA:`, { maxTokens: 1 });
    const cached = second.usage.cachedPromptTokens ?? 0;
    const evaluated = second.usage.promptTokens - cached;
    process.stdout.write(
      `local prefix reuse: first call evaluated ${first.usage.promptTokens - (first.usage.cachedPromptTokens ?? 0)} ` +
        `prompt tokens, the second (same ${cached}-token prefix) evaluated ${evaluated}\n`,
    );
    return cached / second.usage.promptTokens;
  } finally {
    await model.dispose();
  }
}

async function timed(call: () => Promise<unknown>): Promise<number> {
  const startedAt = performance.now();
  await call();
  return performance.now() - startedAt;
}
