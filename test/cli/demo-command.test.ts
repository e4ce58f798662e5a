import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { loadDataset } from "../../src/index.js";
import { answeringReply } from "../helpers/answering-server.js";
import { answer, useOpenAITestServer } from "../helpers/openai-test-server.js";
import { cotpot } from "../helpers/run-cli.js";

const server = useOpenAITestServer();
const EXAMPLE_PROBLEMS = fileURLToPath(new URL("../../examples/problems.jsonl", import.meta.url));

describe("cotpot demo", () => {
  it("runs the example problems through every strategy, showing what each did", async () => {
    const problems = await loadDataset(EXAMPLE_PROBLEMS);
    server().answerWith(answeringReply(problems, new Set(["weekday"])));
    const out = join(mkdtempSync(join(tmpdir(), "cotpot-demo-")), "demo");

    const { code, stdout } = await cotpot(["demo", "--out", out], "", {
      OPENAI_BASE_URL: server().baseURL,
      COTPOT_MODEL: "served-model",
    });

    expect(code).toBe(0);
    expect(stdout).toContain("Model: served-model. 10 problems, strategies: direct, cot, pot, sc.");
    expect(stdout).toContain("1. A bakery sells muffins for $3 each");
    expect(stdout).toContain("(gold answer: 29)");
    expect(stdout).toMatch(
      /✓ cot {4}29\n {7}Step by step, it comes to 29\.\n {7}The answer is 29\./,
    );
    expect(stdout).toMatch(/✓ pot {4}29\n {7}function solution\(\) \{\n {9}return "29";\n {7}\}/);
    expect(stdout).toContain('-> returned "29"');
    expect(stdout).toContain("votes: 29 x3");
    expect(stdout).toMatch(/✗ cot\s+Saturday1/);
    expect(stdout).toMatch(/direct\s+90\.0%/);
    expect(stdout).toMatch(/sc\s+90\.0%/);
    expect(stdout).toContain(`Report: ${join(out, "report.html")}`);
    expect(existsSync(join(out, "report.html"))).toBe(true);
  });

  it("keeps a rambling model's output to a few short lines per strategy", async () => {
    const ramble = `${"and then it goes on ".repeat(400)}so it is 7.\nThe answer is 7.`;
    server().answerWith(answer([ramble, ramble, ramble]));
    onTestFinished(() => server().answerWith(undefined));

    const { code, stdout } = await cotpot(
      ["demo", "--out", mkdtempSync(join(tmpdir(), "d-"))],
      "",
      {
        OPENAI_BASE_URL: server().baseURL,
        COTPOT_MODEL: "served-model",
      },
    );

    expect(code).toBe(0);
    const longest = Math.max(...stdout.split("\n").map((line) => line.length));
    expect(longest).toBeLessThan(200);
    expect(stdout).toMatch(/\n {7}\.\.\.[^\n]+ goes on so it is 7\.\n {7}The answer is 7\./);
  });

  it("stops at once offline with no model, saying how to point it at one", async () => {
    const startedAt = performance.now();

    // No server configured, an empty model cache, and a download endpoint nobody answers.
    const { code, stdout, stderr } = await cotpot(
      ["demo", "--out", mkdtempSync(join(tmpdir(), "d-"))],
      "",
      {
        OPENAI_BASE_URL: undefined,
        OPENAI_API_KEY: undefined,
        COTPOT_MODEL: undefined,
        COTPOT_CACHE_DIR: mkdtempSync(join(tmpdir(), "cotpot-cache-")),
        HF_ENDPOINT: "http://127.0.0.1:9/",
      },
    );

    expect(code).toBe(1);
    expect(stderr).toMatch(/\ncotpot: Could not download hf:\S+ into /);
    expect(stderr).toContain("COTPOT_MODEL=/path/to/model.gguf");
    expect(stderr).toContain("OPENAI_BASE_URL=");
    expect(stdout).not.toContain("Report:");
    expect(performance.now() - startedAt).toBeLessThan(25_000);
  });
});
