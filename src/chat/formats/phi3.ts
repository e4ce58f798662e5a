import { ANY_MESSAGES } from "../chat-format.js";
import { handlebarsChatFormat } from "../handlebars-chat-format.js";

/**
 * Phi-3.5 mini Instruct: `<|system|>`, `<|user|>` and `<|assistant|>` blocks closed by
 * `<|end|>`; an empty system message is left out.
 */
export const phi3 = handlebarsChatFormat({
  name: "phi3",
  description: "Phi-3.5 mini Instruct (<|user|> ... <|end|>)",
  bos: "<s>",
  eos: "<|endoftext|>",
  stop: ["<|end|>", "<|endoftext|>"],
  rules: ANY_MESSAGES,
});
