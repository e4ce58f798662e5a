import type { ChatFormat } from "./chat-format.js";
import { chatml } from "./formats/chatml.js";
import { deepseek } from "./formats/deepseek.js";
import { gemma } from "./formats/gemma.js";
import { llama2 } from "./formats/llama2.js";
import { llama3 } from "./formats/llama3.js";
import { llama3_1 } from "./formats/llama3-1.js";
import { mistral } from "./formats/mistral.js";
import { phi3 } from "./formats/phi3.js";
import { qwen2_5 } from "./formats/qwen2-5.js";
import { zephyr } from "./formats/zephyr.js";

const BUILT_IN = new Map<string, ChatFormat>(
  [chatml, qwen2_5, llama2, llama3, llama3_1, mistral, zephyr, deepseek, gemma, phi3].map(
    (format) => [format.name, format],
  ),
);

/** The names of the chat formats cotpot ships, for `renderChat`'s `format` option. */
export const chatFormats: readonly string[] = Object.freeze([...BUILT_IN.keys()]);

/** The built-in chat format of this name, or undefined. */
export function builtInChatFormat(name: string): ChatFormat | undefined {
  return BUILT_IN.get(name);
}
