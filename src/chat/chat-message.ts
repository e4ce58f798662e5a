/** Who is speaking in a chat message. */
export type ChatRole = "system" | "user" | "assistant";

/** One message of a conversation. */
export interface ChatMessage {
  role: ChatRole;
  content: string;
}

/** The roles a {@link ChatMessage} may have. */
export const CHAT_ROLES: readonly ChatRole[] = ["system", "user", "assistant"];
