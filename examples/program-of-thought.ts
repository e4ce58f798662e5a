// Program of Thought: the model writes a JavaScript program, the QuickJS sandbox runs it,
// and what it returns is the answer.
//
//   npx tsx examples/program-of-thought.ts
//
// The program runs in WebAssembly under time, memory and output limits, never on the
// host. A program that fails goes back to the model with the error for a repair; if
// repairs run out, the strategy falls back to Chain of Thought.

import { defaultModel, programOfThought, runProgram } from "cotpot";

const model = defaultModel();
try {
  const result = await programOfThought({
    model,
    question:
      "A shop sells pens at 3 for $2. How much do 25 pens cost, in dollars, if each pen beyond the last full group of 3 costs $0.80?",
    // Roles compose with strategies: "a careful accountant who writes a program".
    role: "accountant",
    sandbox: { timeoutMs: 1000, memoryLimitBytes: 16 * 1024 * 1024 },
    maxRepairs: 1,
  });
  // 8 groups of 3 cost $16, and the 25th pen $0.80: the answer is 16.8.

  console.log(`--- the program ---\n${result.program ?? "(none)"}\n`);
  if (result.execution?.ok) {
    console.log(
      `It returned ${JSON.stringify(result.execution.answer)} in ${result.execution.durationMs.toFixed(1)} ms.`,
    );
    for (const line of result.execution.logs) console.log(`  log: ${line}`);
  } else if (result.execution) {
    console.log(`It failed: ${result.execution.error.kind}: ${result.execution.error.message}`);
  }
  if (result.fallback) console.log(`Fell back to chain of thought: ${result.fallback.reason}`);
  console.log(`Answer: ${result.answer}`);
  console.log(`Calls: ${result.attempts.map((attempt) => attempt.purpose).join(", ")}`);
} finally {
  await model.dispose();
}

// The sandbox on its own: what a runaway program gets. Prints "timeout".
const runaway = await runProgram("while (true) {}", { timeoutMs: 200 });
console.log(`\nA runaway program: ${runaway.ok ? "finished?!" : runaway.error.kind}`);
