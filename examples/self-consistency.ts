// Self-consistency: sample several reasoning paths at a temperature and let them vote.
//
//   npx tsx examples/self-consistency.ts
//
// The samples are asked for in one call (`n`), so the prompt is evaluated once. The
// answers are normalized before they are counted, so "$1,250.00" and "1250" agree.
// `hybrid` lets chain-of-thought and program-of-thought samples vote together.

import { defaultModel, selfConsistency } from "cotpot";

const question =
  "Ann has 3 times as many stamps as Ben. Together they have 124 stamps. Ann gives Ben 20 stamps. How many stamps does Ann have now?";
// Ben has 31 and Ann 93; after giving 20, Ann has 73.

const model = defaultModel();
try {
  for (const strategy of ["cot", "hybrid"] as const) {
    const result = await selfConsistency({
      model,
      question,
      strategy,
      samples: 5,
      sampling: { temperature: 0.8, topP: 0.95, maxTokens: 600 },
    });

    console.log(`--- ${strategy}: ${result.samples.length} samples ---`);
    const each = result.samples.map((sample) => `${sample.strategy} ${sample.answer ?? "-"}`);
    console.log(`  each: ${each.join(", ")}`);
    for (const vote of result.votes) {
      console.log(`  ${vote.answer.padEnd(10)} ${"#".repeat(vote.count)} (${vote.count})`);
    }
    console.log(`Answer: ${result.answer}, agreement ${(result.agreement * 100).toFixed(0)}%`);
    console.log(`Tokens: ${result.usage.promptTokens} in, ${result.usage.completionTokens} out\n`);
  }
} finally {
  await model.dispose();
}
