import { readFileSync } from "node:fs";
import { Template } from "@huggingface/jinja";
import { describe, expect, it } from "vitest";
import {
  builtInChatFormat,
  type ChatMessage,
  chatFormats,
  jinjaChatFormat,
  renderChat,
} from "../../src/index.js";
import { CONVERSATIONS } from "../fixtures/conversations.js";
import { OFFICIAL_TEMPLATES, officialTemplates } from "../fixtures/official-chat-templates.js";
import { skipNote } from "../helpers/shared-data.js";

// Every built-in chat format must render every conversation exactly as its model's
// official Jinja chat template does, rendered by @huggingface/jinja (the oracle), and
// refuse exactly the conversations the official template refuses.

const REQUIRED = [
  "chatml",
  "qwen2.5",
  "llama2",
  "llama3",
  "llama3.1",
  "mistral",
  "zephyr",
  "deepseek",
  "gemma",
  "phi3",
];
const skip = OFFICIAL_TEMPLATES.missing;

/** What the oracle renders, or "refused" when the official template raises. */
function oracle(
  source: string,
  format: string,
  messages: ChatMessage[],
  generationPrompt: boolean,
) {
  const { bos, eos } = builtInChatFormat(format) ?? { bos: "", eos: "" };
  try {
    const variables = {
      messages,
      bos_token: bos,
      eos_token: eos,
      add_generation_prompt: generationPrompt,
    };
    return new Template(source).render(variables);
  } catch {
    return "refused";
  }
}

function ours(format: string, messages: ChatMessage[], addGenerationPrompt: boolean) {
  try {
    return renderChat(messages, { format, addGenerationPrompt });
  } catch (error) {
    if ((error as Error).name !== "ChatFormatError") throw error;
    return "refused";
  }
}

/** Hugging Face's continue_final_message: cut after the final message's (stripped) text. */
function continued(rendered: string, messages: ChatMessage[]): string {
  const final = (messages.at(-1)?.content ?? "").trim();
  return rendered.slice(0, rendered.lastIndexOf(final) + final.length);
}

describe("the built-in chat formats", () => {
  it("include every required format", () => {
    expect(chatFormats).toEqual(expect.arrayContaining(REQUIRED));
  });
});

describe.skipIf(skip)(`parity with the official templates${skipNote(skip)}`, () => {
  const official = skip ? [] : officialTemplates();
  const cases = official.flatMap(({ format, source }) =>
    Object.entries(CONVERSATIONS).flatMap(([name, messages]) =>
      [false, true].map((generationPrompt) => ({
        format,
        source,
        name,
        messages,
        generationPrompt,
      })),
    ),
  );

  it("cover every required format", () => {
    expect(official.map((template) => template.format).sort()).toEqual([...REQUIRED].sort());
  });

  it.each(cases)(
    "$format: $name, generation prompt $generationPrompt",
    ({ format, source, messages, generationPrompt }) => {
      expect(ours(format, messages, generationPrompt)).toBe(
        oracle(source, format, messages, generationPrompt),
      );
    },
  );

  it("refuse for the reasons the official templates refuse", () => {
    const refused = cases.filter(
      (entry) => oracle(entry.source, entry.format, entry.messages, false) === "refused",
    );
    const formats = new Set(refused.map((entry) => entry.format));
    expect([...formats].sort()).toEqual(["gemma", "llama2", "mistral"]);
  });

  it.each(official.map(({ format, source }) => ({ format, source })))(
    "$format: continueFinalMessage leaves the final assistant message open",
    ({ format, source }) => {
      const messages = CONVERSATIONS["ending on an assistant turn"] as ChatMessage[];
      const expected = continued(oracle(source, format, messages, false), messages);
      const rendered = renderChat(messages, { format, continueFinalMessage: true });
      expect(rendered).toBe(expected);
      expect(rendered.endsWith("17 * 3 = 51")).toBe(true);
    },
  );
});

describe.skipIf(skip)(`jinjaChatFormat${skipNote(skip)}`, () => {
  interface E2eCase {
    name: string;
    chat_template: string;
    data: Record<string, unknown> & { messages: ChatMessage[] };
    target: string;
  }
  const plainKeys = new Set(["messages", "bos_token", "eos_token", "add_generation_prompt"]);
  // Transformers, like renderChat, always passes add_generation_prompt; a case that
  // leaves it undefined for a template that reads it shows what no model ever receives.
  const readsUndefinedFlag = (entry: E2eCase) =>
    !("add_generation_prompt" in entry.data) &&
    entry.chat_template.includes("add_generation_prompt");
  const cases = skip
    ? []
    : (JSON.parse(readFileSync(OFFICIAL_TEMPLATES.path, "utf8")) as E2eCase[]).filter(
        (entry) =>
          entry.data !== null &&
          typeof entry.data === "object" &&
          !readsUndefinedFlag(entry) &&
          // Today's date goes into these; the expected output froze another day's.
          !entry.chat_template.includes("strftime_now") &&
          Object.keys(entry.data).every((key) => plainKeys.has(key)) &&
          entry.data.messages.every(
            (message) =>
              ["system", "user", "assistant"].includes(message.role) &&
              typeof message.content === "string" &&
              Object.keys(message).length === 2,
          ),
      );

  it("has a good number of real models' templates to check", () => {
    expect(cases.length).toBeGreaterThan(15);
  });

  it.each(cases.map((entry) => ({ ...entry, model: entry.name })))(
    "renders $model as its expected output",
    ({ chat_template, data, target, name }) => {
      const format = jinjaChatFormat(chat_template, {
        name,
        bos: String(data.bos_token ?? ""),
        eos: String(data.eos_token ?? ""),
      });
      const addGenerationPrompt = data.add_generation_prompt === true;
      expect(renderChat(data.messages, { format, addGenerationPrompt })).toBe(target);
    },
  );
});
