import { ANY_MESSAGES } from "../chat-format.js";
import { handlebarsChatFormat } from "../handlebars-chat-format.js";

/** Meta's Llama-3 Instruct template: header tokens, trimmed content, `<|eot_id|>`. */
export const llama3 = handlebarsChatFormat({
  name: "llama3",
  description: "Llama-3 Instruct (<|start_header_id|> ... <|eot_id|>)",
  bos: "<|begin_of_text|>",
  eos: "<|eot_id|>",
  stop: ["<|eot_id|>", "<|end_of_text|>"],
  rules: ANY_MESSAGES,
});
