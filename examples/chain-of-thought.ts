// Chain of Thought, zero-shot and few-shot.
//
//   npx tsx examples/chain-of-thought.ts
//
// Zero-shot asks the model to reason step by step ("Let's think step by step." after the
// question). Few-shot first shows worked exemplars: cotpot's own sets (`arithmetic`,
// `dates-and-units`) or yours. Either way the final answer is extracted and normalized,
// so it can be compared with a gold answer.

import { answersMatch, chainOfThought, defaultModel, type Exemplar } from "cotpot";

const question =
  "A train leaves at 09:40 and arrives at 13:05. The ticket costs $0.45 per minute. What does the ticket cost, in dollars?";
const gold = "92.25"; // 3 h 25 min = 205 minutes, and 205 * 0.45 = 92.25

const model = defaultModel();
try {
  // Zero-shot: the trigger phrase alone.
  const zeroShot = await chainOfThought({ model, question, mode: "zero-shot" });
  console.log(`--- zero-shot ---\n${zeroShot.reasoning}\n`);
  console.log(`Answer: ${zeroShot.answer} (${verdict(zeroShot.answer)})\n`);

  // Few-shot with exemplars of your own; `examples: "arithmetic"` uses cotpot's set.
  const examples: Exemplar[] = [
    {
      question: "A bus leaves at 07:50 and arrives at 08:35. How many minutes is the trip?",
      reasoning: [
        "From 07:50 to 08:00 is 10 minutes.",
        "From 08:00 to 08:35 is 35 minutes.",
        "10 + 35 = 45.",
        "The answer is 45.",
      ].join("\n"),
      // Program of Thought shows this instead of the reasoning.
      program: "function solution() {\n  return (8 * 60 + 35) - (7 * 60 + 50);\n}",
      answer: "45",
    },
  ];
  const fewShot = await chainOfThought({ model, question, mode: "few-shot", examples });
  console.log(`--- few-shot ---\n${fewShot.reasoning}\n`);
  console.log(`Answer: ${fewShot.answer} (${verdict(fewShot.answer)})`);

  // What was sent: the exemplars come before the question, so every question after the
  // first reuses their cached evaluation.
  console.log(
    `\nThe few-shot prompt had ${fewShot.messages.length} messages; tokens:`,
    fewShot.usage,
  );
} finally {
  await model.dispose();
}

function verdict(answer: string | null): string {
  return answer !== null && answersMatch(answer, gold) ? "correct" : `expected ${gold}`;
}
