import { describe, expect, it } from "vitest";
import { quantile, wilsonInterval } from "../../src/eval/statistics.js";
import { type LedgerItem, summarize } from "../../src/index.js";

function item(strategy: string, correct: boolean, extra: Partial<LedgerItem> = {}): LedgerItem {
  return {
    problemId: `p${Math.random()}`,
    strategy,
    question: "q",
    gold: "1",
    answer: correct ? "1" : "2",
    correct,
    usage: { promptTokens: 100, completionTokens: 20, cachedPromptTokens: 60 },
    latencyMs: 10,
    calls: 1,
    attempts: [{ purpose: "answer" }],
    finishedAt: "2026-12-03T00:00:00.000Z",
    ...extra,
  };
}

describe("wilsonInterval", () => {
  it("matches published values", () => {
    // 8 of 10: the 95% Wilson interval is 0.490 to 0.943.
    const { low, high } = wilsonInterval(8, 10);
    expect(low).toBeCloseTo(0.4902, 4);
    expect(high).toBeCloseTo(0.9433, 4);
  });

  it("stays inside 0..1 at the edges, where the normal approximation does not", () => {
    expect(wilsonInterval(0, 20).low).toBe(0);
    expect(wilsonInterval(0, 20).high).toBeCloseTo(0.1611, 4);
    expect(wilsonInterval(20, 20).high).toBe(1);
    expect(wilsonInterval(20, 20).low).toBeCloseTo(0.8389, 4);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 0 });
  });
});

describe("quantile", () => {
  it("takes the nearest rank", () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(quantile(values, 0.5)).toBe(5);
    expect(quantile(values, 0.95)).toBe(10);
    expect(quantile([], 0.5)).toBe(0);
  });
});

describe("summarize", () => {
  it("counts accuracy, tokens, latency, calls and errors per strategy in first-seen order", () => {
    const items = [
      item("cot", true, { latencyMs: 100 }),
      item("direct", false),
      item("cot", false, { latencyMs: 300, calls: 2 }),
      item("cot", true, { latencyMs: 200 }),
      item("direct", false, {
        answer: null,
        error: "status 500",
        usage: { promptTokens: 0, completionTokens: 0 },
        calls: 0,
      }),
    ];

    const [cot, direct] = summarize(items);

    expect(cot).toMatchObject({
      strategy: "cot",
      items: 3,
      correct: 2,
      errors: 0,
      promptTokens: 300,
      completionTokens: 60,
      cachedPromptTokens: 180,
      latencyP50Ms: 200,
      latencyP95Ms: 300,
      calls: 4,
    });
    expect(cot?.accuracy).toBeCloseTo(2 / 3);
    expect(cot?.interval.low).toBeLessThan(2 / 3);
    expect(cot?.interval.high).toBeGreaterThan(2 / 3);
    expect(cot?.cost).toBeUndefined();
    expect(direct).toMatchObject({ strategy: "direct", items: 2, correct: 0, errors: 1, calls: 1 });
  });

  it("prices prompt, cached and completion tokens per million", () => {
    const items = [item("pot", true), item("pot", true)];

    const [plain] = summarize(items, { promptPerMillion: 2, completionPerMillion: 8 });
    const [discounted] = summarize(items, {
      promptPerMillion: 2,
      completionPerMillion: 8,
      cachedPromptPerMillion: 0.5,
    });

    // 200 prompt tokens at $2/M plus 40 completion tokens at $8/M.
    expect(plain?.cost).toBeCloseTo((200 * 2 + 40 * 8) / 1e6, 12);
    // 80 uncached at $2, 120 cached at $0.5, 40 completion at $8.
    expect(discounted?.cost).toBeCloseTo((80 * 2 + 120 * 0.5 + 40 * 8) / 1e6, 12);
  });
});
