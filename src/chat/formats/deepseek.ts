import { ANY_MESSAGES } from "../chat-format.js";
import { handlebarsChatFormat } from "../handlebars-chat-format.js";

/** `deepseek-ai/deepseek-llm-7b-chat`: `User:` and `Assistant:` paragraphs. */
export const deepseek = handlebarsChatFormat({
  name: "deepseek",
  description: "DeepSeek LLM chat (User: / Assistant:)",
  bos: "<｜begin▁of▁sentence｜>",
  eos: "<｜end▁of▁sentence｜>",
  stop: ["<｜end▁of▁sentence｜>", "User:"],
  rules: ANY_MESSAGES,
});
