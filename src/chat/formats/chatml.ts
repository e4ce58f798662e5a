import { ANY_MESSAGES } from "../chat-format.js";
import { handlebarsChatFormat } from "../handlebars-chat-format.js";

/** ChatML, as `cognitivecomputations/dolphin-2.5-mixtral-8x7b` writes it. */
export const chatml = handlebarsChatFormat({
  name: "chatml",
  description: "ChatML (<|im_start|> / <|im_end|>), as in dolphin-2.5-mixtral-8x7b",
  bos: "",
  eos: "<|im_end|>",
  stop: ["<|im_end|>"],
  rules: ANY_MESSAGES,
});
