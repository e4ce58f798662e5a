import { describe, expect, it } from "vitest";
import { conversation, localModel, ModelError, openai } from "../../src/index.js";
import { answer, failure, useOpenAITestServer } from "../helpers/openai-test-server.js";
import { skipNote } from "../helpers/shared-data.js";
import { TINY_MODEL } from "../helpers/tiny-model.js";

const server = useOpenAITestServer();

describe("conversation", () => {
  it("sends the whole history each turn and records the replies", async () => {
    const model = openai({ model: "m", baseURL: server().baseURL });
    const chat = conversation({ model, system: "Be brief." });
    server().enqueue(answer(["12"]), answer(["60%"]));

    expect((await chat.say("What is 3/4 of 16?")).text).toBe("12");
    expect((await chat.say("As a percentage of 20?")).text).toBe("60%");
    expect(server().requests.at(-1)?.body.messages).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "What is 3/4 of 16?" },
      { role: "assistant", content: "12" },
      { role: "user", content: "As a percentage of 20?" },
    ]);
    expect(chat.messages).toHaveLength(5);
  });

  it("leaves the history as it was when a turn fails, so it can be tried again", async () => {
    const model = openai({ model: "m", baseURL: server().baseURL });
    const chat = conversation({ model });
    server().enqueue(failure(400, "Nope."));
    await expect(chat.say("Hello?", { maxRetries: 0 })).rejects.toThrow(ModelError);
    expect(chat.messages).toEqual([]);

    server().enqueue(answer(["Hi."]));
    await chat.say("Hello?");
    expect(chat.messages).toEqual([
      { role: "user", content: "Hello?" },
      { role: "assistant", content: "Hi." },
    ]);
  });

  it.skipIf(TINY_MODEL.missing)(
    `reuses a local model's cache for the history${skipNote(TINY_MODEL.missing)}`,
    async () => {
      const model = localModel({ model: TINY_MODEL.path, gpu: false, contextSize: 1024 });
      const chat = conversation({ model, system: "You are a careful accountant. ".repeat(8) });
      const first = await chat.say("What is 15% of 80?", { maxTokens: 6 });
      const second = await chat.say("And 20% of it?", { maxTokens: 6 });

      expect(second.usage.promptTokens).toBeGreaterThan(first.usage.promptTokens);
      expect(second.usage.cachedPromptTokens).toBeGreaterThan(first.usage.promptTokens * 0.8);
      await model.dispose();
    },
  );
});
