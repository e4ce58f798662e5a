import { InvalidOptionError } from "../errors/index.js";
import type { ChatFormat } from "./chat-format.js";
import { ChatFormatError } from "./chat-format-error.js";
import { CHAT_ROLES, type ChatMessage } from "./chat-message.js";

/**
 * Checks that `messages` is a non-empty list of well-formed messages.
 *
 * @throws {InvalidOptionError} naming the message and field at fault.
 */
export function checkMessages(messages: readonly ChatMessage[]): void {
  if (!Array.isArray(messages) || messages.length === 0) {
    throw new InvalidOptionError("messages", messages, "a non-empty array of chat messages");
  }

  for (let index = 0; index < messages.length; index++) {
    const message = messages[index];
    const role = message?.role;
    if (role !== "user" && role !== "assistant" && role !== "system") {
      const expected = `one of ${CHAT_ROLES.join(", ")}`;
      throw new InvalidOptionError(`messages[${index}].role`, role, expected);
    }
    if (typeof message?.content !== "string") {
      throw new InvalidOptionError(`messages[${index}].content`, message?.content, "a string");
    }
  }
}

/**
 * Checks `messages` against what `format`'s model template accepts.
 *
 * @throws {ChatFormatError} saying which message breaks which rule, and what to do.
 */
export function checkFormatRules(format: ChatFormat, messages: readonly ChatMessage[]): void {
  const { rules, name } = format;
  const leadingSystem = messages[0]?.role === "system";

  if (leadingSystem && !rules.systemFirst) {
    throw new ChatFormatError(
      name,
      "its model's template does not accept a system message (messages[0]). " +
        "Pass foldSystem: true to put the system text at the start of the first user message.",
      0,
    );
  }

  if (rules.systemLater && !rules.alternate) return;
  const start = leadingSystem ? 1 : 0;
  for (let index = start; index < messages.length; index++) {
    checkTurn(format, messages, index, start);
  }
}

function checkTurn(
  format: ChatFormat,
  messages: readonly ChatMessage[],
  index: number,
  start: number,
): void {
  const role = messages[index]?.role;
  if (role === "system" && !format.rules.systemLater) {
    throw new ChatFormatError(
      format.name,
      `its model's template accepts only user and assistant messages after the start; ` +
        `messages[${index}] is a system message. Fold its text into a user message.`,
      index,
    );
  }

  const userTurn = (index - start) % 2 === 0;
  if (format.rules.alternate && (role === "user") !== userTurn) {
    const expected = userTurn ? "a user message" : "an assistant message";
    throw new ChatFormatError(
      format.name,
      "its model's template needs user and assistant turns to alternate, starting with " +
        `the user; messages[${index}] is a ${role} message where ${expected} belongs. ` +
        "Merge consecutive messages of the same role into one.",
      index,
    );
  }
}
