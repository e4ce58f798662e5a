export {
  ANY_MESSAGES,
  type ChatFormat,
  type ChatFormatRules,
  type ChatRenderContext,
} from "./chat-format.js";
export { ChatFormatError } from "./chat-format-error.js";
export { builtInChatFormat, chatFormats } from "./chat-formats.js";
export { CHAT_ROLES, type ChatMessage, type ChatRole } from "./chat-message.js";
export { type JinjaChatFormatOptions, jinjaChatFormat } from "./jinja-chat-format.js";
export { type RenderChatOptions, renderChat } from "./render-chat.js";
