import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  CotpotError,
  type EvalEvent,
  evaluate,
  InvalidOptionError,
  ModelError,
  openai,
  openLedger,
  type Problem,
} from "../../src/index.js";
import { answeringReply } from "../helpers/answering-server.js";
import { failure, useOpenAITestServer } from "../helpers/openai-test-server.js";

const server = useOpenAITestServer();
afterEach(() => server().answerWith(undefined));

const problems: Problem[] = [
  { id: "p1", question: "What is 6 times 7?", answer: "42" },
  { id: "p2", question: "What is 10 percent of 250?", answer: "25" },
  { id: "p3", question: "How many minutes are in 3 hours?", answer: "180" },
  { id: "p4", question: "What is 2 to the power 10?", answer: "1024" },
];

function model() {
  return openai({
    baseURL: server().baseURL,
    apiKey: "test",
    model: "served-model",
    defaults: { maxRetries: 0 },
  });
}

function ledgerPath(): string {
  return join(mkdtempSync(join(tmpdir(), "cotpot-evaluate-")), "ledger.jsonl");
}

describe("evaluate", () => {
  it("runs every strategy on every problem and scores the answers", async () => {
    server().answerWith(answeringReply(problems, new Set(["p3"])));
    const events: EvalEvent[] = [];

    const report = await evaluate({
      model: model(),
      problems,
      strategies: ["direct", "cot", "pot", "sc"],
      samples: 3,
      concurrency: 3,
      onEvent: (event) => events.push(event),
    });

    expect(report.items).toHaveLength(16);
    expect(report.summary.map((row) => [row.strategy, row.correct, row.items])).toEqual([
      ["direct", 3, 4],
      ["cot", 3, 4],
      ["pot", 3, 4],
      ["sc", 3, 4],
    ]);
    const wrong = report.items.find((item) => item.strategy === "pot" && !item.correct);
    expect(wrong).toMatchObject({ problemId: "p3", gold: "180", answer: "1801" });
    expect(wrong?.program).toContain("function solution()");
    expect(wrong?.execution).toEqual({ ok: true, answer: "1801" });
    const voted = report.items.find((item) => item.strategy === "sc");
    expect(voted?.votes?.[0]?.count).toBe(3);
    expect(voted?.agreement).toBe(1);
    expect(report.summary[0]).toMatchObject({
      promptTokens: 160,
      cachedPromptTokens: 120,
      calls: 4,
    });

    expect(events[0]).toEqual({ type: "start", total: 16, done: 0 });
    expect(events.filter((event) => event.type === "item").map((event) => event.done)).toEqual(
      Array.from({ length: 16 }, (_, index) => index + 1),
    );
  });

  it("appends each item to the ledger, and a resumed run skips what is done", async () => {
    server().answerWith(answeringReply(problems));
    const path = ledgerPath();
    const first = await openLedger(path, { resume: false });
    await evaluate({
      model: model(),
      problems: problems.slice(0, 2),
      strategies: ["cot"],
      ledger: first,
    });
    await first.close();
    const requestsBefore = server().requests.length;

    const resumed = await openLedger(path, { resume: true });
    const report = await evaluate({
      model: model(),
      problems,
      strategies: ["cot"],
      ledger: resumed,
    });
    await resumed.close();

    expect(server().requests.length - requestsBefore).toBe(2);
    expect(report.items.map((item) => item.problemId)).toEqual(["p1", "p2", "p3", "p4"]);
    const lines = readFileSync(path, "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.problemId).sort()).toEqual(["p1", "p2", "p3", "p4"]);
    expect(lines[0]).toMatchObject({
      strategy: "cot",
      gold: "42",
      answer: "42",
      correct: true,
      calls: 1,
    });
    expect(lines[0].latencyMs).toBeGreaterThanOrEqual(0);
    expect(lines[0].usage).toEqual({
      promptTokens: 40,
      completionTokens: 12,
      cachedPromptTokens: 30,
    });
  });

  it("records a server failure on its item, counts it wrong, and a resume retries it", async () => {
    const path = ledgerPath();
    const ledger = await openLedger(path, { resume: false });
    server().answerWith(answeringReply(problems));
    server().enqueue(failure(500, "overloaded"));

    const report = await evaluate({
      model: model(),
      problems: problems.slice(0, 2),
      strategies: ["direct"],
      concurrency: 1,
      ledger,
    });
    await ledger.close();

    expect(report.summary[0]).toMatchObject({ items: 2, correct: 1, errors: 1 });
    expect(report.items[0]?.error).toMatch(/500/);

    const resumed = await openLedger(path, { resume: true });
    const again = await evaluate({
      model: model(),
      problems: problems.slice(0, 2),
      strategies: ["direct"],
      ledger: resumed,
    });
    await resumed.close();
    expect(again.summary[0]).toMatchObject({ items: 2, correct: 2, errors: 0 });
  });

  it("stops the whole run when every item would fail the same way", async () => {
    server().answerWith(failure(401, "Incorrect API key provided"));
    const before = server().requests.length;

    const error = await evaluate({ model: model(), problems, strategies: ["cot", "pot"] }).catch(
      (caught) => caught,
    );

    expect(error).toBeInstanceOf(ModelError);
    expect(error.status).toBe(401);
    // Four items run at once; the first refusal stops the rest of the eight.
    expect(server().requests.length - before).toBeLessThanOrEqual(4);
  });

  it("stops after failing items in a row, naming the last error", async () => {
    server().answerWith(failure(503, "Overloaded"));
    const ledger = await openLedger(ledgerPath(), { resume: false });
    const many = Array.from({ length: 30 }, (_, index) => ({
      id: `q${index}`,
      question: `What is ${index} plus 1?`,
      answer: String(index + 1),
    }));

    const error = await evaluate({
      model: model(),
      problems: many,
      strategies: ["direct"],
      concurrency: 1,
      maxFailuresInARow: 3,
      ledger,
    }).catch((caught) => caught);
    await ledger.close();

    expect(error).toBeInstanceOf(CotpotError);
    expect(error.message).toMatch(
      /^The run stopped after 3 items failed in a row; the last \(direct, q2\) with: .*answered 503: Overloaded/,
    );
    expect(ledger.items().map((item) => item.problemId)).toEqual(["q0", "q1", "q2"]);
  });

  it("stops when its signal aborts", async () => {
    server().answerWith(answeringReply(problems));
    const controller = new AbortController();
    const done: string[] = [];

    const error = await evaluate({
      model: model(),
      problems,
      strategies: ["direct"],
      concurrency: 1,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type !== "item") return;
        done.push(event.item.problemId);
        controller.abort(new Error("enough"));
      },
    }).catch((caught) => caught);

    expect(error).toMatchObject({ message: "enough" });
    expect(done).toEqual(["p1"]);
  });

  it("refuses problems that share an id, which the ledger could not tell apart", async () => {
    const twice = [problems[0], { ...problems[1], id: "p1" }] as Problem[];

    await expect(
      evaluate({ model: model(), problems: twice, strategies: ["cot"] }),
    ).rejects.toThrow('Invalid problems: "p1". Expected problems with distinct ids.');
  });

  it("names unknown strategies and bad concurrency", async () => {
    await expect(
      evaluate({ model: model(), problems, strategies: ["cot", "tot" as "cot"] }),
    ).rejects.toThrow(InvalidOptionError);
    await expect(
      evaluate({ model: model(), problems, strategies: ["cot"], concurrency: 0 }),
    ).rejects.toThrow(/concurrency.*a whole number from 1 to 256/);
  });
});
