import { ANY_MESSAGES } from "../chat-format.js";
import { handlebarsChatFormat } from "../handlebars-chat-format.js";
import { splitLeadingSystem } from "../split-leading-system.js";

// The date the official template writes when it is not given one.
const DATE = "26 Jul 2024";

/**
 * `meta-llama/Llama-3.1-8B-Instruct` without tools: a system header that always carries
 * the knowledge-cutoff and date lines, then Llama-3 turns.
 */
export const llama3_1 = handlebarsChatFormat({
  name: "llama3.1",
  description: "Llama-3.1 Instruct (Llama-3 turns; system header with its date lines)",
  bos: "<|begin_of_text|>",
  eos: "<|eot_id|>",
  stop: ["<|eot_id|>", "<|eom_id|>", "<|end_of_text|>"],
  rules: ANY_MESSAGES,
  view: (messages) => {
    const { system = "", turns } = splitLeadingSystem(messages);
    return { date: DATE, system: system.trim(), turns };
  },
});
