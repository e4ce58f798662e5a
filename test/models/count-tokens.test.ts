import { describe, expect, it } from "vitest";
import { countTokens, localModel, openai } from "../../src/index.js";
import { skipNote } from "../helpers/shared-data.js";
import { TINY_MODEL } from "../helpers/tiny-model.js";

describe("countTokens", () => {
  it("counts with OpenAI's encodings for OpenAI model names", async () => {
    const text = "Natalia sold clips to 48 of her friends in April.";
    const gpt4o = await countTokens(text, { model: "gpt-4o-mini" });
    const gpt4 = await countTokens(text, { model: "gpt-4" });
    expect(gpt4o).toBeGreaterThan(8);
    expect(gpt4o).toBeLessThan(20);
    expect(await countTokens("", { model: "gpt-4o" })).toBe(0);
    expect(await countTokens("hello world", { model: "gpt-4o" })).toBe(2);
    expect(typeof gpt4).toBe("number");
  });

  it("counts for a server model through the model", async () => {
    const model = openai({ model: "gpt-4o-mini", baseURL: "http://127.0.0.1:1/v1" });
    expect(await countTokens("hello world", { model })).toBe(2);
  });

  it.skipIf(TINY_MODEL.missing)(
    `counts with a local model's own tokenizer${skipNote(TINY_MODEL.missing)}`,
    async () => {
      const model = localModel({ model: TINY_MODEL.path, gpu: false, contextSize: 256 });
      const count = await countTokens("hello world, how are you?", { model });
      expect(count).toBeGreaterThan(3);
      await model.dispose();
    },
  );
});
