import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answersMatch, extractAnswer, normalizeAnswer } from "../../src/index.js";
import { sharedData } from "../helpers/shared-data.js";

describe("extractAnswer", () => {
  it.each([
    ["Half of 84 is 42.\nThe answer is 42.", "42"],
    ["So the final answer is: $1,250.50.", "$1,250.50"],
    ["Work...\nAnswer: 18 dollars", "18 dollars"],
    ["**Answer:** 7", "7"],
    ["Janet sells 9 eggs.\nA: 18", "18"],
    ["It takes 2+1=<<2+1=3>>3 bolts\n#### 3", "3"],
    ["Therefore $x = \\boxed{\\frac{3}{4}}$ and 5 is not it.", "\\frac{3}{4}"],
    ["So she pays **54** in total, which is 6 less than 60 after...", "54"],
    ["First 3 apples, then 4 more, so 7 apples.", "7"],
    ["The answer is −4.", "−4"],
    ["The answer is Paris. It is the capital of France.", "Paris"],
  ])("finds the answer in %j", (text, answer) => {
    expect(extractAnswer(text)).toBe(answer);
  });

  it("ignores a thinking model's <think> section", () => {
    expect(extractAnswer("<think>Maybe 12? No: the answer is 13.</think>\nThe answer is 14.")).toBe(
      "14",
    );
    expect(extractAnswer("<think>17 * 3 = 51</think>51")).toBe("51");
  });

  it("stops at a question the model invented after answering", () => {
    const runOn =
      "6 * 7 = 42. The answer is 42.\n\nQ: A farmer has 10 cows. How many legs?\nA: The answer is 40.";
    expect(extractAnswer(runOn)).toBe("42");
    expect(extractAnswer("There are 5 left.\nQuestion 2: what about 9?")).toBe("5");
  });

  it("prefers the strongest marker, and the last of its kind", () => {
    expect(extractAnswer("The answer is 3.\nActually, the answer is 4.")).toBe("4");
    expect(extractAnswer("Answer: 10\n#### 12")).toBe("12");
  });

  it("returns null when there is no answer", () => {
    expect(extractAnswer("I cannot tell from the question.")).toBeNull();
    expect(extractAnswer("")).toBeNull();
    expect(extractAnswer("<think>It is 3.</think>")).toBeNull();
  });
});

describe("normalizeAnswer", () => {
  it.each([
    ["$1,250.00", "1250"],
    ["1250 dollars", "1250"],
    ["7.0", "7"],
    ["−4", "-4"],
    ["50%", "50"],
    ["3/4", "0.75"],
    ["1 1/2", "1.5"],
    ["0.1", "0.1"],
    ["  The Capital  City ", "the capital city"],
    ["Paris.", "paris"],
  ])("%j becomes %j", (answer, normalized) => {
    expect(normalizeAnswer(answer)).toBe(normalized);
  });
});

describe("answersMatch", () => {
  it.each([
    ["18", "18"],
    ["$18.00", "18"],
    ["18 dollars", "18"],
    ["1,000", "1000"],
    ["0.30000000000000004", "0.3"],
    ["3/4", "0.75"],
    ["75%", "75"],
    ["−4", "-4"],
    ["PARIS", "paris"],
  ])("%j matches %j", (predicted, gold) => {
    expect(answersMatch(predicted, gold)).toBe(true);
  });

  it.each([
    ["-4", "4"],
    ["1.5", "15"],
    ["18", "19"],
    ["0.75", "75"],
    ["paris", "18"],
    [null, "18"],
  ])("%j never matches %j", (predicted, gold) => {
    expect(answersMatch(predicted, gold)).toBe(false);
  });
});

describe("on real model outputs", () => {
  const data = sharedData("gsm8k-model-solutions/example_model_solutions.jsonl");
  const title = data.missing
    ? `skipped: ${data.missing}`
    : "reproduce the upstream correctness labels";

  it.skipIf(data.missing)(title, () => {
    const rows = readFileSync(data.path, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    const models = ["6b_finetuning", "6b_verification", "175b_finetuning", "175b_verification"];
    let total = 0;
    let agreeing = 0;

    for (const row of rows) {
      const gold = extractAnswer(row.ground_truth) as string;
      for (const name of models) {
        const { solution, is_correct } = row[name] as { solution: string; is_correct: boolean };
        total += 1;
        if (answersMatch(extractAnswer(solution), gold) === is_correct) agreeing += 1;
      }
    }

    expect(total).toBe(5276);
    expect(agreeing / total).toBeGreaterThanOrEqual(0.995);
  });
});
