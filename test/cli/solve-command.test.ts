import { describe, expect, it } from "vitest";
import { answer, failure, useOpenAITestServer } from "../helpers/openai-test-server.js";
import { cotpot } from "../helpers/run-cli.js";

const server = useOpenAITestServer();

const env = () => ({
  OPENAI_BASE_URL: server().baseURL,
  COTPOT_MODEL: "served-model",
  OPENAI_API_KEY: undefined,
});
const question = "A jacket costs $80 and is 25% off. What do I pay?";

describe("cotpot solve", () => {
  it("answers by chain of thought, showing the reasoning and ending with the answer", async () => {
    server().enqueue(answer(["25% of 80 is 20.\n80 - 20 = 60.\nThe answer is 60."]));
    const { code, stdout } = await cotpot(
      ["solve", question, "--strategy", "cot", "--role", "accountant"],
      "",
      env(),
    );
    expect(code).toBe(0);
    expect(stdout).toContain("80 - 20 = 60.");
    expect(stdout).toMatch(/Tokens: 11 in, 5 out, in 1 call\(s\) \(cot\)\nAnswer: 60\n$/);
    const sent = server().requests.at(-1)?.body as {
      messages: { content: string }[];
      temperature: number;
    };
    expect(sent.messages[0]?.content).toMatch(/^You are a careful accountant/);
    expect(sent.temperature).toBe(0);
  });

  it("shows the program and its execution for pot", async () => {
    server().enqueue(
      answer([
        "```js\nfunction solution() {\n  console.log('discount', 20);\n  return 80 - 20;\n}\n```",
      ]),
    );
    const { code, stdout } = await cotpot(["solve", question, "--strategy", "pot"], "", env());
    expect(code).toBe(0);
    expect(stdout).toContain("Program:\n  function solution() {");
    expect(stdout).toMatch(/Execution: returned 60 in [\d.]+ ms\n {2}discount 20/);
    expect(stdout).toMatch(/Answer: 60\n$/);
  });

  it("shows the votes for sc, sampling with the flags given", async () => {
    server().enqueue(answer(["The answer is 60.", "The answer is 60.", "The answer is 55."]));
    const args = [
      "solve",
      question,
      "--strategy",
      "sc",
      "--samples",
      "3",
      "--temperature",
      "0.9",
      "--top-k",
      "40",
    ];
    const { code, stdout } = await cotpot(args, "", env());
    expect(code).toBe(0);
    expect(stdout).toContain("Votes: 60 x2, 55 x1 (agreement 67%)");
    expect(server().requests.at(-1)?.body).toMatchObject({ n: 3, temperature: 0.9, top_k: 40 });
  });

  it("prints the prompt with --show-prompt and the whole result with --json", async () => {
    server().enqueue(answer(["The answer is 60."]));
    const { stdout } = await cotpot(
      ["solve", question, "--strategy", "direct", "--show-prompt"],
      "",
      env(),
    );
    expect(stdout).toMatch(/^--- prompt sent ---\n\[system\]\nAnswer the question directly/);
    expect(stdout).toContain(`[user]\nQuestion: ${question}\n`);

    server().enqueue(answer(["The answer is 60."]));
    const json = await cotpot(["solve", question, "--strategy", "direct", "--json"], "", env());
    expect(JSON.parse(json.stdout)).toMatchObject({
      strategy: "direct",
      answer: "60",
      usage: { promptTokens: 11 },
    });
  });

  it("ends with a one-line reason and a non-zero exit when the server fails", async () => {
    server().enqueue(failure(400, "Unknown model."));
    const { code, stderr } = await cotpot(["solve", question, "--strategy", "direct"], "", env());
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^cotpot: .*\/chat\/completions answered 400: Unknown model\./);
  });

  it("refuses an unknown strategy and a sampling flag out of range", async () => {
    const unknown = await cotpot(["solve", question, "--strategy", "tot"], "", env());
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toBe(
      "cotpot: --strategy must be one of direct, cot, pot, sc, hybrid; got 'tot'.\n",
    );

    const hot = await cotpot(["solve", question, "--temperature", "5"], "", env());
    expect(hot.code).toBe(2);
    expect(hot.stderr).toBe("cotpot: Invalid temperature: 5. Expected a number from 0 to 2.\n");
  });
});
