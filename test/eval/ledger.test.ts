import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CotpotError, type LedgerItem, openLedger } from "../../src/index.js";

function ledgerPath(): string {
  return join(mkdtempSync(join(tmpdir(), "cotpot-ledger-")), "run", "ledger.jsonl");
}

function item(problemId: string, strategy: string, extra: Partial<LedgerItem> = {}): LedgerItem {
  return {
    problemId,
    strategy,
    question: `question ${problemId}`,
    gold: "4",
    answer: "4",
    correct: true,
    usage: { promptTokens: 10, completionTokens: 5 },
    latencyMs: 12,
    calls: 1,
    attempts: [{ purpose: "answer" }],
    finishedAt: "2026-12-03T00:00:00.000Z",
    ...extra,
  };
}

describe("openLedger", () => {
  it("writes each item as one JSON line at once, creating the folder", async () => {
    const path = ledgerPath();
    const ledger = await openLedger(path, { resume: false });

    await ledger.append(item("p1", "cot"));
    const afterOne = readFileSync(path, "utf8");
    await ledger.append(item("p2", "cot"));
    await ledger.close();

    expect(afterOne.split("\n")).toHaveLength(2);
    const lines = readFileSync(path, "utf8").trimEnd().split("\n");
    expect(lines.map((line) => JSON.parse(line).problemId)).toEqual(["p1", "p2"]);
  });

  it("keeps concurrent appends whole and in the order they were made", async () => {
    const path = ledgerPath();
    const ledger = await openLedger(path, { resume: false });

    await Promise.all(
      Array.from({ length: 50 }, (_, index) => ledger.append(item(`p${index}`, "pot"))),
    );
    await ledger.close();

    const ids = readFileSync(path, "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line).problemId);
    expect(ids).toEqual(Array.from({ length: 50 }, (_, index) => `p${index}`));
  });

  it("refuses to write into an existing run unless resuming", async () => {
    const path = ledgerPath();
    const first = await openLedger(path, { resume: false });
    await first.append(item("p1", "cot"));
    await first.close();

    const error = await openLedger(path, { resume: false }).catch((caught) => caught);

    expect(error).toBeInstanceOf(CotpotError);
    expect(error.message).toContain("already holds a run. Resume it (--resume)");
    expect(readFileSync(path, "utf8").trimEnd().split("\n")).toHaveLength(1);
  });

  it("resumes: finished items are done, errors are not, the latest line wins", async () => {
    const path = ledgerPath();
    const first = await openLedger(path, { resume: false });
    await first.append(item("p1", "cot"));
    await first.append(item("p2", "cot", { answer: null, correct: false, error: "status 500" }));
    await first.close();

    const resumed = await openLedger(path, { resume: true });
    expect(resumed.done("p1", "cot")).toBe(true);
    expect(resumed.done("p2", "cot")).toBe(false);
    expect(resumed.done("p1", "pot")).toBe(false);

    await resumed.append(item("p2", "cot"));
    await resumed.close();
    const again = await openLedger(path, { resume: true });
    expect(again.done("p2", "cot")).toBe(true);
    expect(again.items().map(({ problemId }) => problemId)).toEqual(["p1", "p2"]);
    expect(again.item("p2", "cot")?.error).toBeUndefined();
    await again.close();
  });

  it("drops a last line a kill cut short, and appends after the whole ones", async () => {
    const path = ledgerPath();
    const first = await openLedger(path, { resume: false });
    await first.append(item("p1", "cot"));
    await first.close();
    appendFileSync(path, JSON.stringify(item("p2", "cot")).slice(0, 40));

    const resumed = await openLedger(path, { resume: true });
    expect(resumed.done("p1", "cot")).toBe(true);
    expect(resumed.done("p2", "cot")).toBe(false);
    await resumed.append(item("p2", "cot"));
    await resumed.close();

    const lines = readFileSync(path, "utf8").trimEnd().split("\n");
    expect(lines.map((line) => JSON.parse(line).problemId)).toEqual(["p1", "p2"]);
  });

  it("names the line of a damaged ledger", async () => {
    const path = ledgerPath();
    const first = await openLedger(path, { resume: false });
    await first.close();
    writeFileSync(path, `${JSON.stringify(item("p1", "cot"))}\nnot json\n`);

    await expect(openLedger(path, { resume: true })).rejects.toThrow(
      /ledger\.jsonl:2 is not a ledger line; the ledger is damaged\./,
    );
  });
});
