import { ANY_MESSAGES } from "../chat-format.js";
import { handlebarsChatFormat } from "../handlebars-chat-format.js";
import { splitLeadingSystem } from "../split-leading-system.js";

const DEFAULT_SYSTEM = "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.";

/** `Qwen/Qwen2.5-7B-Instruct` without tools: ChatML with a default system message. */
export const qwen2_5 = handlebarsChatFormat({
  name: "qwen2.5",
  description: "Qwen2.5 Instruct (ChatML; a default system message when none is given)",
  bos: "",
  eos: "<|im_end|>",
  stop: ["<|im_end|>", "<|endoftext|>"],
  rules: ANY_MESSAGES,
  view: (messages) => {
    const { system = DEFAULT_SYSTEM, turns } = splitLeadingSystem(messages);
    return { system, turns };
  },
});
