import { handlebarsChatFormat } from "../handlebars-chat-format.js";

/**
 * Gemma-2 Instruct: `<start_of_turn>user` / `model`, trimmed content, no system role,
 * strictly alternating turns.
 */
export const gemma = handlebarsChatFormat({
  name: "gemma",
  description: "Gemma-2 Instruct (<start_of_turn>user / model; no system role)",
  bos: "<bos>",
  eos: "<eos>",
  stop: ["<end_of_turn>", "<eos>"],
  // As Gemma's own template: no system message first; a later one passes (in an
  // assistant's place) and is written with its role.
  rules: { systemFirst: false, systemLater: true, alternate: true },
});
