import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  builtInChatFormat,
  ChatFormatError,
  type ChatMessage,
  chatFormats,
  createTemplates,
  InvalidOptionError,
  jinjaChatFormat,
  renderChat,
} from "../../src/index.js";

const conversation: ChatMessage[] = [
  { role: "system", content: "You are a careful accountant." },
  { role: "user", content: "What is 15% of 80?" },
];

function refusal(run: () => unknown): ChatFormatError {
  try {
    run();
  } catch (error) {
    if (error instanceof ChatFormatError) return error;
    throw error;
  }
  throw new Error("expected a ChatFormatError");
}

describe("renderChat", () => {
  it("renders Llama-3 with its special tokens", () => {
    expect(
      renderChat(conversation, { format: "llama3", addGenerationPrompt: true }),
    ).toMatchInlineSnapshot(`
      "<|begin_of_text|><|start_header_id|>system<|end_header_id|>

      You are a careful accountant.<|eot_id|><|start_header_id|>user<|end_header_id|>

      What is 15% of 80?<|eot_id|><|start_header_id|>assistant<|end_header_id|>

      "
    `);
  });

  it("renders ChatML without and with the generation prompt", () => {
    expect(renderChat(conversation, { format: "chatml" })).toMatchInlineSnapshot(`
      "<|im_start|>system
      You are a careful accountant.<|im_end|>
      <|im_start|>user
      What is 15% of 80?<|im_end|>
      "
    `);
    expect(renderChat(conversation, { format: "chatml", addGenerationPrompt: true })).toMatch(
      /<\|im_end\|>\n<\|im_start\|>assistant\n$/,
    );
  });

  it("leaves a prefilled assistant message open with continueFinalMessage", () => {
    const prefilled: ChatMessage[] = [
      ...conversation,
      { role: "assistant", content: "The answer is " },
    ];
    const rendered = renderChat(prefilled, { format: "llama3", continueFinalMessage: true });
    expect(
      rendered.endsWith("<|start_header_id|>assistant<|end_header_id|>\n\nThe answer is"),
    ).toBe(true);
  });

  it("folds a system message into the first user turn when asked, for models without one", () => {
    expect(
      renderChat(conversation, { format: "gemma", foldSystem: true, addGenerationPrompt: true }),
    ).toMatchInlineSnapshot(`
        "<bos><start_of_turn>user
        You are a careful accountant.

        What is 15% of 80?<end_of_turn>
        <start_of_turn>model
        "
      `);
  });

  it("lists each format's special tokens and stop strings", () => {
    for (const name of chatFormats) {
      const format = builtInChatFormat(name);
      expect(format?.stop.length, name).toBeGreaterThan(0);
      expect(typeof format?.bos, name).toBe("string");
      expect(format?.description, name).not.toBe("");
    }
    expect(builtInChatFormat("llama3")?.stop).toContain("<|eot_id|>");
  });
});

describe("what a model's template refuses", () => {
  it("a system message for Gemma, with the way out", () => {
    const error = refusal(() => renderChat(conversation, { format: "gemma" }));
    expect(error.format).toBe("gemma");
    expect(error.messageIndex).toBe(0);
    expect(error.message).toBe(
      "Chat format 'gemma': its model's template does not accept a system message (messages[0]). " +
        "Pass foldSystem: true to put the system text at the start of the first user message.",
    );
  });

  it("turns that do not alternate for Llama-2 and Mistral", () => {
    const twice: ChatMessage[] = [
      { role: "user", content: "a" },
      { role: "user", content: "b" },
    ];
    for (const format of ["llama2", "mistral", "gemma"]) {
      const error = refusal(() => renderChat(twice, { format }));
      expect(error.messageIndex).toBe(1);
      expect(error.message).toContain(
        "messages[1] is a user message where an assistant message belongs",
      );
      expect(error.message).toContain("Merge consecutive messages");
    }
  });

  it("a system message after the start for Mistral", () => {
    const late: ChatMessage[] = [
      { role: "user", content: "a" },
      { role: "system", content: "b" },
    ];
    expect(refusal(() => renderChat(late, { format: "mistral" })).message).toContain(
      "messages[1] is a system message",
    );
  });

  it("folding with no user message to fold into", () => {
    const alone: ChatMessage[] = [
      { role: "system", content: "x" },
      { role: "assistant", content: "y" },
    ];
    expect(
      refusal(() => renderChat(alone, { format: "gemma", foldSystem: true })).message,
    ).toContain("foldSystem needs a user message right after the system message");
  });
});

describe("options that do not fit", () => {
  it("continueFinalMessage needs an assistant message last, and no generation prompt", () => {
    expect(
      refusal(() => renderChat(conversation, { format: "chatml", continueFinalMessage: true }))
        .message,
    ).toContain("the last message is a user message");
    const prefilled: ChatMessage[] = [...conversation, { role: "assistant", content: "x" }];
    expect(
      refusal(() =>
        renderChat(prefilled, {
          format: "chatml",
          continueFinalMessage: true,
          addGenerationPrompt: true,
        }),
      ).message,
    ).toContain("continueFinalMessage and addGenerationPrompt exclude each other");
  });

  it("an unknown format lists the known ones", () => {
    expect(() => renderChat(conversation, { format: "llama4" })).toThrow(InvalidOptionError);
    expect(() => renderChat(conversation, { format: "llama4" })).toThrow(
      `Invalid format: "llama4". Expected one of ${chatFormats.join(", ")}, or a format from jinjaChatFormat().`,
    );
  });

  it.each([
    [[], "Invalid messages: an array. Expected a non-empty array of chat messages."],
    [
      [{ role: "bot", content: "x" }],
      'Invalid messages[0].role: "bot". Expected one of system, user, assistant.',
    ],
    [[{ role: "user", content: 3 }], "Invalid messages[0].content: 3. Expected a string."],
  ])("malformed messages %j are named", (messages, message) => {
    expect(() => renderChat(messages as never, { format: "chatml" })).toThrow(message);
  });
});

describe("formats users bring", () => {
  it("a user's chat/<name>.hbs overrides the built-in template", () => {
    const directory = mkdtempSync(join(tmpdir(), "cotpot-chat-"));
    mkdirSync(join(directory, "chat"));
    writeFileSync(
      join(directory, "chat", "chatml.hbs"),
      "{{#each messages}}[{{role}}] {{content}}\n{{/each}}",
    );
    const templates = createTemplates({ directories: [directory] });
    expect(renderChat(conversation, { format: "chatml", templates })).toBe(
      "[system] You are a careful accountant.\n[user] What is 15% of 80?\n",
    );
  });

  it("jinjaChatFormat renders a model's own template and reports what it refuses", () => {
    const template =
      "{{ bos_token }}{% for m in messages %}{% if m.role == 'system' %}" +
      "{{ raise_exception('No system messages here') }}{% endif %}" +
      "<{{ m.role }}>{{ m.content }}{{ eos_token }}{% endfor %}" +
      "{% if add_generation_prompt %}<assistant>{% endif %}";
    const format = jinjaChatFormat(template, { name: "tiny", bos: "<s>", eos: "</s>" });

    expect(
      renderChat([{ role: "user", content: "hi" }], { format, addGenerationPrompt: true }),
    ).toBe("<s><user>hi</s><assistant>");
    expect(format.stop).toEqual(["</s>"]);
    expect(refusal(() => renderChat(conversation, { format })).message).toBe(
      "Chat format 'tiny': the template refused: No system messages here",
    );
  });

  it("jinjaChatFormat refuses a template that does not parse", () => {
    expect(() => jinjaChatFormat("{% for m in messages %}", { name: "broken" })).toThrow(
      /^Chat format 'broken': the Jinja template does not parse: /,
    );
  });
});
