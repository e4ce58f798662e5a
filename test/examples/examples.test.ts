import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { answeringReply } from "../helpers/answering-server.js";
import { useOpenAITestServer } from "../helpers/openai-test-server.js";
import { runScript } from "../helpers/run-cli.js";
import { skipNote } from "../helpers/shared-data.js";
import { TINY_MODEL } from "../helpers/tiny-model.js";

// Each example runs as a user runs it (`npx tsx examples/<name>.ts`), against the test
// server speaking the OpenAI wire format, and those about local sampling and templates
// against the tiny GGUF too (random weights: mechanics, not answers).

const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));
const server = useOpenAITestServer();

function example(name: string, answer: string, args: string[] = []) {
  server().answerWith(answeringReply([], new Set(), answer));
  const before = server().requests.length;
  const run = runScript(`${EXAMPLES}${name}.ts`, args, "", {
    OPENAI_BASE_URL: server().baseURL,
    COTPOT_MODEL: "served-model",
    OPENAI_API_KEY: undefined,
  });
  return run.then((outcome) => ({ ...outcome, requests: server().requests.slice(before) }));
}

function sentMessages(request: { body: Record<string, unknown> } | undefined) {
  return (request?.body.messages ?? []) as { role: string; content: string }[];
}

describe("examples against an OpenAI-compatible server", () => {
  it("every script in examples/ has a test here", () => {
    const scripts = readdirSync(EXAMPLES).filter((file) => file.endsWith(".ts"));
    expect(scripts.sort()).toEqual(
      [
        "chain-of-thought.ts",
        "chat-vs-generate.ts",
        "evaluation.ts",
        "program-of-thought.ts",
        "role-prompt.ts",
        "sampling.ts",
        "self-consistency.ts",
        "templates.ts",
      ].sort(),
    );
  });

  it("role-prompt: a built-in role, one of your own, and the role as the system message", async () => {
    const { code, stdout, requests } = await example("role-prompt", "140");

    expect(code).toBe(0);
    expect(stdout).toContain("Built-in roles: accountant, data-analyst,");
    expect(stdout).toContain("You are a careful accountant familiar with UK practice.");
    expect(stdout).toContain("1. Convert every length to metres first.");
    expect(stdout).toContain("--- served-model answers ---\nStep by step, it comes to 140.");
    expect(sentMessages(requests[0])[0]?.content).toMatch(/^You are a quantity surveyor/);
  });

  it("chain-of-thought: zero-shot with the trigger, few-shot with your exemplar first", async () => {
    const { code, stdout, requests } = await example("chain-of-thought", "92.25");

    expect(code).toBe(0);
    expect(stdout).toMatch(/--- zero-shot ---[\s\S]*Answer: 92\.25 \(correct\)/);
    expect(stdout).toMatch(/--- few-shot ---[\s\S]*Answer: 92\.25 \(correct\)/);
    expect(sentMessages(requests[0]).at(-1)?.content).toMatch(/Let's think step by step\.$/);
    expect(sentMessages(requests[1])[1]?.content).toMatch(/^Question: A bus leaves at 07:50/);
  });

  it("program-of-thought: the program, what running it gave, and a runaway stopped", async () => {
    const { code, stdout } = await example("program-of-thought", "16.8");

    expect(code).toBe(0);
    expect(stdout).toContain('--- the program ---\nfunction solution() {\n  return "16.8";\n}');
    expect(stdout).toMatch(/It returned "16\.8" in \d+\.\d ms\./);
    expect(stdout).toContain("Answer: 16.8\nCalls: program");
    expect(stdout).toContain("A runaway program: timeout");
  });

  it("self-consistency: the votes of cot and hybrid samples", async () => {
    const { code, stdout, requests } = await example("self-consistency", "73");

    expect(code).toBe(0);
    expect(stdout).toContain(
      "--- cot: 5 samples ---\n  each: cot 73, cot 73, cot 73, cot 73, cot 73",
    );
    expect(stdout).toMatch(/73 +##### \(5\)\nAnswer: 73, agreement 100%/);
    expect(stdout).toMatch(/--- hybrid: 5 samples ---\n {2}each: (cot 73, )+(pot 73, )*pot 73/);
    expect(requests[0]?.body).toMatchObject({ n: 5, temperature: 0.8, top_p: 0.95 });
  });

  it("chat-vs-generate: chat sends messages, generate sends the prompt renderChat made", async () => {
    const { code, stdout, requests } = await example("chat-vs-generate", "15", ["chatml"]);

    expect(code).toBe(0);
    const chats = requests.filter((request) => request.path.endsWith("/chat/completions"));
    const completions = requests.filter((request) => request.path.endsWith("/v1/completions"));
    expect(chats.map((request) => sentMessages(request).length)).toEqual([2, 4]);
    expect(completions).toHaveLength(3);
    expect(completions[1]?.body.prompt).toBe(
      "<|im_start|>system\nYou are a patient tutor. Answer in one or two sentences.<|im_end|>\n" +
        "<|im_start|>user\nWhat is 3/4 of 20?<|im_end|>\n" +
        "<|im_start|>assistant\nStep by step, it comes to 15.\nThe answer is 15.<|im_end|>\n" +
        "<|im_start|>user\nAnd what percentage of 20 is that?<|im_end|>\n" +
        "<|im_start|>assistant\n",
    );
    expect(completions[2]?.body.prompt).toMatch(/<\|im_start\|>assistant\n3\/4 of 20 is$/);
    expect(stdout).toContain("--- the chatml prompt of the last turn ---\n<|im_start|>system");
  });

  it("sampling: each setting goes over the wire, and a bad one is refused before", async () => {
    const { code, stdout, requests } = await example("sampling", "Mango");

    expect(code).toBe(0);
    expect(
      requests.map((request) => [request.body.temperature, request.body.top_k, request.body.top_p]),
    ).toEqual([
      [0, undefined, undefined],
      [0.7, undefined, undefined],
      [1.5, undefined, undefined],
      [1.5, 3, undefined],
      [1.5, undefined, 0.5],
    ]);
    expect(requests.every((request) => request.body.n === 8 && request.body.seed === 7)).toBe(true);
    expect(stdout).toContain(
      "Refused: Invalid topP: 1.5. Expected a number greater than 0 and at most 1.",
    );
  });

  it("templates: your role and trigger phrase replace cotpot's, and a missing variable is named", async () => {
    const { code, stdout, requests } = await example("templates", "2");

    expect(code).toBe(0);
    expect(stdout).toContain(
      "You are the quartermaster of the Bounty.\nYou count every barrel twice.",
    );
    expect(stdout).toMatch(
      /Refused: Template 'strategies\/question' .*line 1, column \d+: missing variable 'question'\. Variables given: questoin\./,
    );
    const sent = sentMessages(requests[0]);
    expect(sent[0]?.content).toMatch(/^You are the quartermaster\.\nYou keep the stores/);
    expect(sent.at(-1)?.content).toMatch(/to be sure we have the right answer\.$/);
    expect(stdout).toContain("--- answer: 2 ---");
  });

  it("evaluation: every strategy on the example problems, a ledger and a report", async () => {
    const { code, stdout } = await example("evaluation", "29");

    expect(code).toBe(0);
    expect(stdout).toContain("pot    change       correct");
    // Every reply says 29: right for two of the five problems.
    expect(stdout).toMatch(/'cot'\s+│ '40%'/);
    const report = stdout.match(/Report: (\S+)/)?.[1] ?? "";
    expect(existsSync(report)).toBe(true);
  });
});

describe.skipIf(TINY_MODEL.missing)(
  `examples on the tiny GGUF${skipNote(TINY_MODEL.missing)}`,
  () => {
    const local = (name: string, args: string[] = []) =>
      runScript(`${EXAMPLES}${name}.ts`, args, "", { COTPOT_MODEL: TINY_MODEL.path }, 120_000);

    it("sampling: greedy gives one answer eight times; temperature spreads them; top-k narrows", async () => {
      const { code, stdout } = await local("sampling");

      expect(code).toBe(0);
      const distinct = (label: string) =>
        Number(stdout.match(new RegExp(`${label} +(\\d+) distinct`))?.[1]);
      expect(distinct("greedy \\(temperature 0\\)")).toBe(1);
      expect(distinct("temperature 1\\.5")).toBeGreaterThan(2);
      expect(distinct("temperature 1\\.5, topK 3")).toBeLessThanOrEqual(3);
    }, 150_000);

    it("chat-vs-generate: both ways run on a local model, generate through the llama2 format", async () => {
      const { code, stdout } = await local("chat-vs-generate", ["llama2"]);

      expect(code).toBe(0);
      expect(stdout).toMatch(/^chat {5}> What is 3\/4 of 20\?/m);
      expect(stdout).toMatch(/^generate > And what percentage of 20 is that\?/m);
      expect(stdout).toContain(
        "--- the llama2 prompt of the last turn ---\n<s>[INST] <<SYS>>\nYou are a patient tutor.",
      );
    }, 150_000);
  },
);
