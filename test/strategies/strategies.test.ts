import { describe, expect, it, onTestFinished } from "vitest";
import {
  answersMatch,
  chainOfThought,
  direct,
  EXEMPLAR_SETS,
  extractAnswer,
  InvalidOptionError,
  ModelError,
  openai,
  programOfThought,
  runProgram,
  runStrategy,
  STRATEGY_NAMES,
  selfConsistency,
} from "../../src/index.js";
import { answeringReply } from "../helpers/answering-server.js";
import { answer, failure, useOpenAITestServer } from "../helpers/openai-test-server.js";

const server = useOpenAITestServer();

const question = "A jacket costs $80 and is 25% off. What do I pay?";
const model = () => openai({ model: "m", baseURL: server().baseURL });
const sent = () => server().requests.at(-1)?.body;

describe("direct", () => {
  it("asks for the answer alone, role first and question last", async () => {
    server().enqueue(answer(["The answer is 60."]));
    const result = await direct({ model: model(), question, role: "accountant" });

    expect(result.answer).toBe("60");
    expect(result.strategy).toBe("direct");
    expect(sent()?.temperature).toBe(0);
    expect(result.messages.map((message) => message.role)).toEqual(["system", "user"]);
    expect(result.messages[0]?.content).toMatch(/^You are a careful accountant\./);
    expect(result.messages[0]?.content.split("\n\n").at(-1)).toMatchInlineSnapshot(`
      "Answer the question directly, without showing any working. Reply with one line of the form:
      The answer is <answer>.
      When the question asks for an amount, give it as a number without units."
    `);
    expect(result.messages[1]?.content).toBe(`Question: ${question}`);
  });
});

describe("chain of thought", () => {
  it("zero-shot: the step-by-step trigger after the question", async () => {
    server().enqueue(answer(["25% of $80 is $20.\n$80 - $20 = $60.\nThe answer is 60."]));
    const result = await chainOfThought({ model: model(), question });

    expect(result.answer).toBe("60");
    expect(result.reasoning).toContain("$80 - $20 = $60.");
    expect(result.messages).toMatchInlineSnapshot(`
      [
        {
          "content": "Solve the problem by reasoning step by step. Put each step on its own line with the calculation it makes, and keep track of what every number stands for. Before you finish, check the result against the question.
      End with a last line of the form:
      The answer is <answer>.
      When the question asks for an amount, give it as a number without units.",
          "role": "system",
        },
        {
          "content": "Question: A jacket costs $80 and is 25% off. What do I pay?

      Let's think step by step.",
          "role": "user",
        },
      ]
    `);
  });

  it("asks a short follow-up when the reasoning states no answer", async () => {
    server().enqueue(
      answer(["First take a quarter off, then see what remains."]),
      answer(["The answer is 60."]),
    );
    const result = await chainOfThought({ model: model(), question });

    expect(result.answer).toBe("60");
    expect(result.attempts.map((attempt) => [attempt.purpose, attempt.error])).toEqual([
      ["reason", "The reasoning states no final answer; asking for it."],
      ["follow-up", undefined],
    ]);
    expect(result.messages.at(-1)?.content).toMatchInlineSnapshot(`
      "Therefore, what is the final answer? Reply with one line of the form:
      The answer is <answer>."
    `);
    expect(sent()?.max_tokens).toBe(64);
    expect(result.usage).toEqual({ promptTokens: 22, completionTokens: 10 });
  });

  it("few-shot: our own worked exemplars first, identical for every question", async () => {
    server().enqueue(answer(["The answer is 60."]), answer(["The answer is 7."]));
    const first = await chainOfThought({ model: model(), question, mode: "few-shot" });
    const second = await chainOfThought({
      model: model(),
      question: "What is 3 + 4?",
      mode: "few-shot",
    });

    const exemplars = EXEMPLAR_SETS.arithmetic ?? [];
    expect(first.messages).toHaveLength(2 + exemplars.length * 2);
    expect(first.messages[1]).toEqual({
      role: "user",
      content: `Question: ${exemplars[0]?.question}`,
    });
    expect(first.messages[2]).toEqual({ role: "assistant", content: exemplars[0]?.reasoning });
    expect(first.messages.slice(0, -1)).toEqual(second.messages.slice(0, -1));
    expect(second.answer).toBe("7");
  });

  it("keeps a thinking model's reasoning without asking for it again", async () => {
    server().enqueue(
      answer(["The answer is 60."], { reasoning: "A quarter of 80 is 20; 80 - 20 = 60." }),
    );
    const result = await chainOfThought({ model: model(), question });
    expect(result).toMatchObject({
      answer: "60",
      thinking: "A quarter of 80 is 20; 80 - 20 = 60.",
    });
    expect(result.attempts).toHaveLength(1);
  });
});

describe("program of thought", () => {
  const buggy =
    "Here is my program:\n```js\nfunction solution() {\n  const price = 80;\n  return price * (1 - discount);\n}\n```";
  const fixed =
    "```javascript\nfunction solution() {\n  const price = 80;\n  const discount = 0.25;\n  return price * (1 - discount);\n}\n```";

  it("runs the program the model wrote and answers with what solution() returns", async () => {
    server().enqueue(answer([fixed]));
    const result = await programOfThought({ model: model(), question });

    expect(result).toMatchObject({ strategy: "program-of-thought", answer: "60" });
    expect(result.program).toContain("const discount = 0.25;");
    expect(result.execution).toMatchObject({ ok: true, answer: 60 });
    expect(result.messages[0]?.content).toMatchInlineSnapshot(`
      "Solve the problem by writing a JavaScript program.
      - Define \`function solution()\` that computes the answer and returns it.
      - Give each quantity in the problem a named variable, and compute one step per line.
      - Return the answer as a number (or a short string when it is not a number), never as a sentence.
      - Use plain JavaScript: no imports, no require, no input, no network, no files.
      Reply with the program in a single \`\`\`javascript code block."
    `);
  });

  it("sends a failing program back with the error and its line, and the repair fixes it", async () => {
    server().enqueue(answer([buggy]), answer([fixed]));
    const result = await programOfThought({ model: model(), question });

    expect(result.answer).toBe("60");
    expect(result.attempts.map((attempt) => attempt.purpose)).toEqual(["program", "repair"]);
    expect(result.attempts[0]?.error).toBe(
      "The program failed (runtime at line 3): 'discount' is not defined",
    );
    expect(result.messages.at(-2)).toEqual({ role: "assistant", content: buggy });
    expect(result.messages.at(-1)?.content).toMatchInlineSnapshot(`
      "Running your program failed: ReferenceError: 'discount' is not defined
      The error is at line 3: return price * (1 - discount);
      Reply with the whole corrected program, defining \`function solution()\`, in a single \`\`\`javascript code block."
    `);
  });

  it("asks again when the reply has no program", async () => {
    server().enqueue(answer(["You pay $60."]), answer([fixed]));
    const result = await programOfThought({ model: model(), question });
    expect(result.answer).toBe("60");
    expect(result.attempts[0]?.error).toBe("The reply has no program.");
    expect(result.messages.at(-1)?.content).toMatch(
      /^I could not find a program in your reply\.\n/,
    );
  });

  it("falls back to chain of thought after maxRepairs, and says so", async () => {
    server().enqueue(
      answer([buggy]),
      answer([buggy]),
      answer(["80 - 20 = 60.\nThe answer is 60."]),
    );
    const result = await programOfThought({ model: model(), question, maxRepairs: 1 });

    expect(result).toMatchObject({
      strategy: "chain-of-thought",
      answer: "60",
      fallback: {
        from: "program-of-thought",
        reason: "The program failed (runtime at line 3): 'discount' is not defined",
      },
    });
    expect(result.program).toContain("discount");
    expect(result.attempts.map((attempt) => attempt.purpose)).toEqual([
      "program",
      "repair",
      "reason",
    ]);
    expect(result.usage.promptTokens).toBe(33);
  });

  it("gives no answer without a fallback", async () => {
    server().enqueue(answer([buggy]));
    const result = await programOfThought({
      model: model(),
      question,
      maxRepairs: 0,
      fallback: "none",
    });
    expect(result).toMatchObject({
      answer: null,
      execution: { ok: false, error: { kind: "runtime" } },
    });
    expect(result.fallback).toBeUndefined();
  });

  it("repairs a program that runs past its time limit", async () => {
    const looping = "```js\nfunction solution() {\n  let n = 0;\n  while (true) n++;\n}\n```";
    server().enqueue(answer([looping]), answer([fixed]));
    const result = await programOfThought({
      model: model(),
      question,
      sandbox: { timeoutMs: 100 },
    });
    expect(result.answer).toBe("60");
    expect(result.attempts[0]?.error).toContain("timeout");
  });
});

describe("self-consistency", () => {
  it("samples in one call with n at a sampling temperature, and votes", async () => {
    server().enqueue(
      answer([
        "The answer is 60.",
        "So $60.00.\nThe answer is $60.00.",
        "The answer is 55.",
        "The answer is 60 dollars.",
      ]),
    );
    const result = await selfConsistency({ model: model(), question, strategy: "cot", samples: 4 });

    expect(sent()).toMatchObject({ n: 4, temperature: 0.7, top_p: 0.95 });
    expect(result.answer).toBe("60");
    expect(result.agreement).toBe(0.75);
    expect(result.votes.map((entry) => [entry.normalized, entry.count, entry.samples])).toEqual([
      ["60", 3, [0, 1, 3]],
      ["55", 1, [2]],
    ]);
  });

  it("asks concurrently for the samples a server's one call did not give", async () => {
    server().enqueue(
      answer(["The answer is 3."]),
      answer(["The answer is 4."]),
      answer(["The answer is 4."]),
    );
    const before = server().requests.length;
    const result = await selfConsistency({ model: model(), question, strategy: "cot", samples: 3 });

    expect(server().requests.length - before).toBe(3);
    expect(
      server()
        .requests.slice(-2)
        .map((request) => request.body.n),
    ).toEqual([undefined, undefined]);
    expect(result.samples.map((sample) => sample.answer)).toEqual(["3", "4", "4"]);
    expect(result.answer).toBe("4");
  });

  it("breaks a tie by the answer sampled first", async () => {
    server().enqueue(
      answer(["The answer is 9.", "The answer is 8.", "The answer is 8.", "The answer is 9."]),
    );
    const result = await selfConsistency({ model: model(), question, strategy: "cot", samples: 4 });
    expect(result.answer).toBe("9");
    expect(result.agreement).toBe(0.5);
  });

  it("hybrid: chain-of-thought and program samples vote together", async () => {
    server().enqueue(
      answer(["The answer is 60.", "The answer is 55."]),
      answer([
        "```js\nfunction solution() { return 80 * 0.75; }\n```",
        "```js\nfunction solution() { return 80 - 25; }\n```",
      ]),
    );
    const result = await selfConsistency({
      model: model(),
      question,
      strategy: "hybrid",
      samples: 4,
    });

    expect(result.samples.map((sample) => [sample.strategy, sample.answer])).toEqual([
      ["cot", "60"],
      ["cot", "55"],
      ["pot", "60"],
      ["pot", "55"],
    ]);
    expect(result.answer).toBe("60");
    expect(result.samples[2]?.execution).toMatchObject({ ok: true, answer: 60 });
  });

  it("checks its options", async () => {
    await expect(
      selfConsistency({ model: model(), question, strategy: "cot", samples: 0 }),
    ).rejects.toThrow("Invalid samples: 0. Expected a whole number from 1 to 64.");
    await expect(
      selfConsistency({ model: model(), question, strategy: "tot" as never, samples: 3 }),
    ).rejects.toThrow(InvalidOptionError);
  });
});

describe("runStrategy", () => {
  it("runs each strategy by its short name", async () => {
    server().answerWith(answeringReply([{ id: "jacket", question, answer: "60" }]));
    onTestFinished(() => server().answerWith(undefined));
    const ran: string[] = [];

    for (const name of STRATEGY_NAMES) {
      const before = server().requests.length;
      const result = await runStrategy(name, { model: model(), question, samples: 4 });
      const asked = server()
        .requests.slice(before)
        .reduce((total, request) => total + Number(request.body.n ?? 1), 0);
      ran.push(`${name}: ${result.strategy} answered ${result.answer}, ${asked} sample(s)`);
    }

    expect(ran).toEqual([
      "direct: direct answered 60, 1 sample(s)",
      "cot: chain-of-thought answered 60, 1 sample(s)",
      "pot: program-of-thought answered 60, 1 sample(s)",
      "sc: self-consistency answered 60, 4 sample(s)",
      "hybrid: self-consistency answered 60, 4 sample(s)",
    ]);
  });

  it("names the strategies it knows when given another", async () => {
    await expect(runStrategy("tree", { model: model(), question })).rejects.toThrow(
      'Invalid strategy: "tree". Expected one of direct, cot, pot, sc, hybrid.',
    );
  });
});

describe("failures", () => {
  it("a failing model ends the strategy with its ModelError", async () => {
    server().enqueue(failure(400, "Bad request."));
    await expect(direct({ model: model(), question })).rejects.toThrow(ModelError);
  });

  it("an unknown exemplar set is named", async () => {
    await expect(chainOfThought({ model: model(), question, examples: "poetry" })).rejects.toThrow(
      'Invalid examples: "poetry". Expected one of arithmetic, dates-and-units, or a list of exemplars.',
    );
  });
});

describe("our exemplars", () => {
  const all = Object.entries(EXEMPLAR_SETS).flatMap(([set, exemplars]) =>
    exemplars.map((exemplar, index) => ({ ...exemplar, name: `${set} ${index + 1}` })),
  );

  it.each(all)(
    "$name: the worked reasoning and the program both give its answer",
    async (exemplar) => {
      expect(answersMatch(extractAnswer(exemplar.reasoning), exemplar.answer)).toBe(true);
      const result = await runProgram(exemplar.program);
      expect(result.ok).toBe(true);
      expect(answersMatch(String(result.ok ? result.answer : ""), exemplar.answer)).toBe(true);
    },
  );
});
