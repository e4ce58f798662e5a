// chat vs generate on the same conversation.
//
//   npx tsx examples/chat-vs-generate.ts [chat format]
//
// `chat` sends messages and lets the server (or the local model) apply the model's own
// chat template. `generate` sends raw text, so cotpot renders the template itself with
// `renderChat`, byte for byte as the model's template would. That is what you need for
// a completion endpoint, for prefilling the start of a reply, or to see exactly what the
// model reads. Pass the format of the model you run: the default model (Qwen2.5) uses
// `qwen2.5`; `chatFormats` lists them all.

import { type ChatMessage, chatFormats, conversation, defaultModel, renderChat } from "cotpot";

const format = process.argv[2] ?? "qwen2.5";
if (!chatFormats.includes(format)) throw new Error(`Choose one of ${chatFormats.join(", ")}.`);
const system = "You are a patient tutor. Answer in one or two sentences.";
const turns = ["What is 3/4 of 20?", "And what percentage of 20 is that?"];
const sampling = { temperature: 0, maxTokens: 120 };

const model = defaultModel();
try {
  // chat: a conversation keeps the history and sends it whole each turn.
  const chat = conversation({ model, system });
  for (const turn of turns) {
    const reply = await chat.say(turn, sampling);
    console.log(`chat     > ${turn}\n         < ${reply.text.trim()}`);
  }

  // generate: the same history, rendered into the model's prompt text by cotpot.
  const history: ChatMessage[] = [{ role: "system", content: system }];
  for (const turn of turns) {
    history.push({ role: "user", content: turn });
    const prompt = renderChat(history, { format, addGenerationPrompt: true });
    const reply = await model.generate(prompt, sampling);
    history.push({ role: "assistant", content: reply.text.trim() });
    console.log(`generate > ${turn}\n         < ${reply.text.trim()}`);
  }

  // What generate sent on the last turn: special tokens and all.
  console.log(`\n--- the ${format} prompt of the last turn ---`);
  console.log(renderChat(history.slice(0, -1), { format, addGenerationPrompt: true }));

  // A prefill: leave the assistant's reply open and let the model finish it.
  const prefill = renderChat(
    [...history.slice(0, 2), { role: "assistant", content: "3/4 of 20 is" }],
    {
      format,
      continueFinalMessage: true,
    },
  );
  const finished = await model.generate(prefill, { ...sampling, maxTokens: 20 });
  console.log(`--- prefilled ---\n3/4 of 20 is${finished.text}`);
} finally {
  await model.dispose();
}
