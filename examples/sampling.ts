// What temperature, top-k and top-p do to the samples of one prompt.
//
//   npx tsx examples/sampling.ts
//
// - temperature divides the log-probabilities before sampling: 0 always takes the
//   likeliest token, below 1 sharpens the distribution, above 1 flattens it.
// - topK keeps only the k likeliest tokens.
// - topP keeps the smallest set of likeliest tokens whose probabilities reach p.
// cotpot checks every option and sends it to backends that accept it (OpenAI's own API
// takes no top_k; cotpot drops it there, with a warning).

import { defaultModel, type GenerateOptions, InvalidOptionError } from "cotpot";

const prompt = "Complete the sentence with one word. My favourite fruit is";
// Each setting samples the first token of the reply eight times.
const settings: [string, GenerateOptions][] = [
  ["greedy (temperature 0)", { temperature: 0 }],
  ["temperature 0.7", { temperature: 0.7 }],
  ["temperature 1.5", { temperature: 1.5 }],
  ["temperature 1.5, topK 3", { temperature: 1.5, topK: 3 }],
  ["temperature 1.5, topP 0.5", { temperature: 1.5, topP: 0.5 }],
];

const model = defaultModel({ onWarning: (warning) => console.warn(`warning: ${warning.message}`) });
try {
  for (const [label, options] of settings) {
    // Eight samples of the next token in one call; a seed makes the run repeatable.
    const { texts } = await model.chat([{ role: "user", content: prompt }], {
      ...options,
      n: 8,
      seed: 7,
      maxTokens: 1,
    });
    const counts = new Map<string, number>();
    for (const text of texts) {
      const token = JSON.stringify(text);
      counts.set(token, (counts.get(token) ?? 0) + 1);
    }
    const spread = [...counts].map(([token, count]) => `${token} x${count}`).join(", ");
    console.log(`${label.padEnd(26)} ${counts.size} distinct: ${spread}`);
  }

  // Out-of-range options are refused before anything is sent.
  const refused = await model
    .chat([{ role: "user", content: prompt }], { topP: 1.5 })
    .catch((error: unknown) => error);
  if (refused instanceof InvalidOptionError) console.log(`\nRefused: ${refused.message}`);
} finally {
  await model.dispose();
}
