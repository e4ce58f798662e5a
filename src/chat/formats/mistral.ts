import { handlebarsChatFormat } from "../handlebars-chat-format.js";

/**
 * `TheBloke/Mistral-7B-Instruct-v0.1-GPTQ`: `[INST]` turns, user and assistant only,
 * strictly alternating. The template has no generation prompt: the prompt already ends
 * where the assistant speaks.
 */
export const mistral = handlebarsChatFormat({
  name: "mistral",
  description: "Mistral Instruct v0.1 ([INST] ... [/INST]; no system role)",
  bos: "<s>",
  eos: "</s>",
  stop: ["</s>"],
  rules: { systemFirst: false, systemLater: false, alternate: true },
});
