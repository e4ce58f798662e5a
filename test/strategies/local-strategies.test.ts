import { afterAll, describe, expect, it } from "vitest";
import { chainOfThought, localModel, programOfThought, selfConsistency } from "../../src/index.js";
import { skipNote } from "../helpers/shared-data.js";
import { TINY_MODEL } from "../helpers/tiny-model.js";

// The tiny GGUF has random weights: these check the mechanics end to end (calls, the
// cache-first layout paying off, repairs and fallback, n samples), never the answers.

const skip = TINY_MODEL.missing;
const model = skip
  ? undefined
  : localModel({ model: TINY_MODEL.path, gpu: false, contextSize: 4096 });
afterAll(() => model?.dispose());
const sampling = { maxTokens: 12 };

describe.skipIf(skip)(`strategies on a local model${skipNote(skip)}`, () => {
  const tiny = () => model as NonNullable<typeof model>;

  it("reuses the cached role and exemplars from one question to the next", async () => {
    const ask = (question: string) =>
      chainOfThought({ model: tiny(), question, role: "math-teacher", mode: "few-shot", sampling });
    const first = await ask("What is 17 * 3?");
    const second = await ask("What is 19 * 4?");

    const { promptTokens, cachedPromptTokens = 0 } = second.attempts[0]?.usage ?? {
      promptTokens: 0,
    };
    expect(first.attempts[0]?.usage.cachedPromptTokens).toBeLessThan(promptTokens * 0.5);
    expect(cachedPromptTokens).toBeGreaterThan(promptTokens * 0.9);
    // The system message and the four exemplars' turns come before either question.
    expect(first.messages.slice(0, 9)).toEqual(second.messages.slice(0, 9));
  });

  it("program of thought repairs, then falls back, and accounts for every call", async () => {
    const result = await programOfThought({
      model: tiny(),
      question: "What is 6 * 7?",
      maxRepairs: 1,
      sampling,
    });
    const purposes = result.attempts.map((attempt) => attempt.purpose);
    expect(purposes.slice(0, 2)).toEqual(["program", "repair"]);
    if (result.fallback) expect(result.strategy).toBe("chain-of-thought");
    expect(result.usage.promptTokens).toBeGreaterThan(0);
  });

  it("self-consistency draws n samples from one prompt evaluation", async () => {
    const result = await selfConsistency({
      model: tiny(),
      question: "What is 2 + 2?",
      strategy: "cot",
      samples: 3,
      sampling: { ...sampling, seed: 11 },
    });
    expect(result.samples).toHaveLength(3);
    expect(result.attempts).toHaveLength(3);
    expect(result.attempts.slice(1).every((attempt) => attempt.usage.promptTokens === 0)).toBe(
      true,
    );
  });
});
