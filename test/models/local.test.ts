import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { InvalidOptionError, localModel, ModelError } from "../../src/index.js";
import { skipNote } from "../helpers/shared-data.js";
import { TINY_MODEL } from "../helpers/tiny-model.js";

const skip = TINY_MODEL.missing;
const model = skip
  ? undefined
  : localModel({ model: TINY_MODEL.path, gpu: false, contextSize: 1024 });
afterAll(() => model?.dispose());

const role =
  "You are a patient mathematics teacher. Reason step by step and check your work. ".repeat(6);

describe.skipIf(skip)(`a local GGUF model${skipNote(skip)}`, () => {
  const tiny = () => model as NonNullable<typeof model>;

  it("loads on first use and chats through the model's own template", async () => {
    const generation = await tiny().chat([{ role: "user", content: "What is 2 + 2?" }], {
      maxTokens: 6,
    });
    expect(generation.texts).toHaveLength(1);
    expect(generation.usage.promptTokens).toBeGreaterThan(5);
    expect(generation.usage.completionTokens).toBeGreaterThan(0);
    expect(generation.usage.completionTokens).toBeLessThanOrEqual(6);
    expect(["stop", "length"]).toContain(generation.finishReason);
  });

  it("completes raw text, reading special tokens in it as tokens", async () => {
    const withBos = await tiny().generate("<s>Once upon a time", { maxTokens: 4, topK: 1 });
    const without = await tiny().generate("Once upon a time", { maxTokens: 4, topK: 1 });
    expect(withBos.usage.promptTokens).toBe(without.usage.promptTokens);
    expect(withBos.text).toBe(without.text);
  });

  it("is deterministic when greedy (topK: 1)", async () => {
    const first = await tiny().generate("The capital of France is", {
      maxTokens: 8,
      topK: 1,
      temperature: 0.8,
    });
    const second = await tiny().generate("The capital of France is", {
      maxTokens: 8,
      topK: 1,
      temperature: 0.8,
    });
    expect(second.text).toBe(first.text);
  });

  it("reproduces a sample with the same seed, and varies it with another", async () => {
    const options = { maxTokens: 12, temperature: 1, seed: 1234 };
    const first = await tiny().generate("Once upon a time", options);
    const again = await tiny().generate("Once upon a time", options);
    const other = await tiny().generate("Once upon a time", { ...options, seed: 99 });
    expect(again.text).toBe(first.text);
    expect(other.text).not.toBe(first.text);
  });

  it("reuses the KV cache for a prompt that shares a prefix with the last one", async () => {
    const ask = (question: string) =>
      tiny().chat(
        [
          { role: "system", content: role },
          { role: "user", content: question },
        ],
        { maxTokens: 4 },
      );
    await tiny().generate("Something unrelated first.", { maxTokens: 2 });
    const first = await ask("What is 17 * 3?");
    const second = await ask("What is 19 * 4?");

    expect(first.usage.cachedPromptTokens).toBeLessThan(5);
    expect(second.usage.cachedPromptTokens).toBeGreaterThan(second.usage.promptTokens * 0.8);
    expect(second.usage.cachedPromptTokens).toBeLessThan(second.usage.promptTokens);
  });

  it("samples n choices from one evaluation of the prompt", async () => {
    const generation = await tiny().generate(`${role} Q:`, {
      n: 3,
      maxTokens: 5,
      temperature: 1,
      seed: 5,
    });
    expect(generation.texts).toHaveLength(3);
    expect(new Set(generation.texts).size).toBeGreaterThan(1);
    expect(generation.text).toBe(generation.texts[0]);
  });

  it("stops at a stop string, leaving it out", async () => {
    const free = await tiny().generate("Count:", { maxTokens: 20, topK: 1 });
    const cut = free.text.slice(2, 4);
    const stopped = await tiny().generate("Count:", { maxTokens: 20, topK: 1, stop: cut });
    expect(stopped.text.includes(cut)).toBe(false);
    expect(free.text.startsWith(stopped.text)).toBe(true);
  });

  it("streams the reply as it is written", async () => {
    const stream = tiny().streamChat([{ role: "user", content: "Say something." }], {
      maxTokens: 8,
      topK: 1,
    });
    const deltas: string[] = [];
    for await (const delta of stream) deltas.push(delta);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join("")).toBe((await stream.generation).text);
  });

  it("counts tokens with its own tokenizer", async () => {
    expect(await tiny().countTokens("Hello world")).toBeGreaterThan(0);
    expect(await tiny().countTokens("")).toBe(0);
  });

  it("stops when the signal aborts, rejecting with its reason", async () => {
    const controller = new AbortController();
    controller.abort(new Error("user cancelled"));
    await expect(tiny().generate("Hi", { signal: controller.signal })).rejects.toThrow(
      "user cancelled",
    );
  });
});

describe.skipIf(skip)(`loading a local model${skipNote(skip)}`, () => {
  it("frees the model on dispose, and loads it again when used after", async () => {
    const fresh = localModel({ model: TINY_MODEL.path, gpu: false, contextSize: 256 });
    await fresh.generate("Hi", { maxTokens: 1 });
    await fresh.dispose();
    expect((await fresh.generate("Hi", { maxTokens: 1 })).texts).toHaveLength(1);
    await fresh.dispose();
  });

  it("names a missing file, and says what to give instead", async () => {
    const missing = localModel({ model: "/no/such/model.gguf", gpu: false });
    const error = await missing.generate("Hi").catch((caught) => caught);
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toMatch(
      /^No model file at \/no\/such\/model\.gguf: .*Give the path of a \.gguf file, or an hf: URI/,
    );
    expect(error.scope).toBe("model");
  });

  it("names a corrupt file", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "cotpot-gguf-")), "broken.gguf");
    writeFileSync(path, "GGUF but not really a model file at all");
    const error = await localModel({ model: path, gpu: false })
      .generate("Hi")
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toContain(`Could not load the model file ${path}`);
    expect(error.message).toContain("a download cut short leaves a corrupt one");
    expect(error.scope).toBe("model");
  });

  it("fails at once offline for an hf: URI, saying how to use a file or a server", async () => {
    // A download endpoint nobody answers: offline even on a machine with a network.
    vi.stubEnv("HF_ENDPOINT", "http://127.0.0.1:9/");
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    const cacheDirectory = mkdtempSync(join(tmpdir(), "cotpot-cache-"));
    const remote = localModel({
      model: "hf:Qwen/Qwen2.5-1.5B-Instruct-GGUF:Q4_K_M",
      cacheDirectory,
      gpu: false,
    });
    const startedAt = performance.now();
    const error = await remote.generate("Hi").catch((caught) => caught);

    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toContain("Could not download hf:Qwen/Qwen2.5-1.5B-Instruct-GGUF:Q4_K_M");
    expect(error.message).toContain("COTPOT_MODEL=/path/to/model.gguf");
    expect(error.message).toContain("OPENAI_BASE_URL=");
    expect(performance.now() - startedAt).toBeLessThan(10_000);
  });

  it("checks its options when created", () => {
    expect(() => localModel({ contextSize: 10 })).toThrow(InvalidOptionError);
    expect(() => localModel({ gpu: "cuda" as never })).toThrow(
      'Invalid gpu: "cuda". Expected "auto" or false.',
    );
  });
});
