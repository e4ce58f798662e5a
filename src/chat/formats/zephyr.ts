import { ANY_MESSAGES } from "../chat-format.js";
import { handlebarsChatFormat } from "../handlebars-chat-format.js";

/** `HuggingFaceH4/zephyr-7b-beta`: `<|role|>` lines, each turn closed by `</s>`. */
export const zephyr = handlebarsChatFormat({
  name: "zephyr",
  description: "Zephyr (<|system|> / <|user|> / <|assistant|>, turns end with </s>)",
  bos: "<s>",
  eos: "</s>",
  stop: ["</s>"],
  rules: ANY_MESSAGES,
});
