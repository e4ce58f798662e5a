import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/index.js";
import { answeringReply } from "../helpers/answering-server.js";
import { failure, slow, useOpenAITestServer } from "../helpers/openai-test-server.js";
import { cotpot, spawnCotpot } from "../helpers/run-cli.js";
import { sharedData, skipNote } from "../helpers/shared-data.js";

const server = useOpenAITestServer();
const env = () => ({
  OPENAI_BASE_URL: server().baseURL,
  COTPOT_MODEL: "served-model",
  OPENAI_API_KEY: undefined,
});

function outFolder(): string {
  return join(mkdtempSync(join(tmpdir(), "cotpot-eval-")), "run");
}

function ledgerLines(out: string): string[] {
  const path = join(out, "ledger.jsonl");
  return existsSync(path) ? readFileSync(path, "utf8").split("\n").slice(0, -1) : [];
}

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const gsm8k = sharedData("gsm8k/test.jsonl");

describe("cotpot eval", () => {
  it.skipIf(gsm8k.missing)(
    `runs GSM8K, and a run killed with SIGKILL resumes without losing or repeating an item${skipNote(gsm8k.missing)}`,
    async () => {
      const problems = (await loadDataset(gsm8k.path)).slice(0, 20);
      const wrong = new Set([problems[3]?.id, problems[11]?.id].map(String));
      server().answerWith(slow(40, answeringReply(problems, wrong)));
      const out = outFolder();
      const args = ["eval", gsm8k.path, "--limit", "20", "--strategies", "direct,cot,pot"];
      const options = ["--concurrency", "2", "--out", out];

      const first = spawnCotpot([...args, ...options], env());
      await until(() => ledgerLines(out).length >= 12);
      first.kill("SIGKILL");
      await once(first, "exit");
      const survived = ledgerLines(out).length;
      expect(survived).toBeLessThan(60);

      const resumed = await cotpot([...args, ...options, "--resume"], "", env());

      expect(resumed.code).toBe(0);
      expect(resumed.stderr).toContain(`Evaluating 60 items (${survived} already done).`);
      const items = ledgerLines(out).map((line) => JSON.parse(line));
      const keys = items.map((item) => `${item.strategy} ${item.problemId}`);
      expect(items).toHaveLength(60);
      expect(new Set(keys).size).toBe(60);
      expect(
        items
          .filter((item) => !item.correct)
          .map((item) => item.problemId)
          .sort(),
      ).toEqual([...wrong, ...wrong, ...wrong].sort());
      expect(resumed.stdout).toMatch(/direct\s+90\.0%/);
      expect(resumed.stdout).toMatch(/pot\s+90\.0%/);
      expect(resumed.stdout).toContain(`Report: ${join(out, "report.html")}`);
      const report = readFileSync(join(out, "report.html"), "utf8");
      expect(report).toContain("Answered wrongly (6)");
      expect(report).toContain("test.jsonl");
    },
  );

  it("stops on Ctrl-C with status 130, keeping what finished for --resume", async () => {
    const problems = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({
      id: `q${n}`,
      question: `What is ${n} times 3?`,
      answer: String(n * 3),
    }));
    const dataset = join(mkdtempSync(join(tmpdir(), "cotpot-data-")), "eight.jsonl");
    writeFileSync(dataset, problems.map((problem) => JSON.stringify(problem)).join("\n"));
    server().answerWith(slow(150, answeringReply(problems)));
    const out = outFolder();

    const run = spawnCotpot(
      ["eval", dataset, "--strategies", "cot", "--concurrency", "1", "--out", out],
      env(),
    );
    let stderr = "";
    run.stderr?.on("data", (chunk) => {
      stderr += String(chunk);
    });
    await until(() => ledgerLines(out).length >= 2);
    run.kill("SIGINT");
    const [code] = await once(run, "exit");

    expect(code).toBe(130);
    expect(stderr).toContain("cotpot: interrupted; run again with --resume to finish.");
    const kept = ledgerLines(out).length;
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(kept).toBeLessThan(8);

    const resumed = await cotpot(
      ["eval", dataset, "--strategies", "cot", "--out", out, "--resume"],
      "",
      env(),
    );
    expect(resumed.code).toBe(0);
    expect(ledgerLines(out)).toHaveLength(8);
  });

  it("stops at once when the server refuses the key, saying how to go on", async () => {
    const dataset = join(mkdtempSync(join(tmpdir(), "cotpot-data-")), "one.jsonl");
    writeFileSync(dataset, '{"question":"What is 6 times 7?","answer":42}\n');
    server().answerWith(failure(401, "Incorrect API key provided"));
    const out = outFolder();

    const { code, stderr } = await cotpot(["eval", dataset, "--out", out], "", env());

    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^cotpot: .* answered 401: Incorrect API key provided\. Check the API key/m,
    );
    expect(stderr).toContain(
      `What finished is in ${join(out, "ledger.jsonl")}; run again with --resume to go on.`,
    );
  });

  it("will not mix a new run into an old one", async () => {
    const out = outFolder();
    const dataset = join(mkdtempSync(join(tmpdir(), "cotpot-data-")), "two.jsonl");
    writeFileSync(
      dataset,
      '{"question":"What is 6 times 7?","answer":42}\n{"question":"What is 3 plus 4?","answer":7}\n',
    );
    server().answerWith(
      answeringReply([
        { id: "a", question: "What is 6 times 7?", answer: "42" },
        { id: "b", question: "What is 3 plus 4?", answer: "7" },
      ]),
    );

    const first = await cotpot(["eval", dataset, "--strategies", "cot", "--out", out], "", env());
    const second = await cotpot(["eval", dataset, "--strategies", "cot", "--out", out], "", env());

    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/cot\s+100\.0%/);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("already holds a run. Resume it (--resume)");
    expect(ledgerLines(out)).toHaveLength(2);
  });

  it("names a bad row, a strategy it does not know, and flags that do not fit", async () => {
    const dataset = join(mkdtempSync(join(tmpdir(), "cotpot-data-")), "bad.jsonl");
    writeFileSync(dataset, '{"question":"ok","answer":1}\n{"question":"no answer"}\n');

    const badRow = await cotpot(["eval", dataset, "--out", outFolder()], "", env());
    const badStrategy = await cotpot(["eval", dataset, "--strategies", "cot,tot"], "", env());

    expect(badRow.code).toBe(1);
    expect(badRow.stderr).toMatch(/bad\.jsonl:2: missing answer/);
    const badLimit = await cotpot(["eval", dataset, "--limit", "0"], "", env());
    const halfPrice = await cotpot(["eval", dataset, "--price-in", "0.15"], "", env());
    expect(badLimit.stderr).toBe("cotpot: --limit takes a number of problems, 1 or more; got 0.\n");
    expect(halfPrice.stderr).toContain("--price-in and --price-out go together");
    expect([badLimit.code, halfPrice.code]).toEqual([2, 2]);
    expect(badStrategy.code).toBe(2);
    expect(badStrategy.stderr).toContain(
      "--strategies takes a comma-separated list of direct, cot, pot, sc, hybrid; got 'cot,tot'.",
    );
  });
});
