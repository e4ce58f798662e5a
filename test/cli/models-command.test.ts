import { describe, expect, it } from "vitest";
import { cotpot } from "../helpers/run-cli.js";
import { skipNote } from "../helpers/shared-data.js";
import { TINY_MODEL } from "../helpers/tiny-model.js";

describe.concurrent("cotpot models", () => {
  it("says which model it would use and why", async () => {
    const { code, stdout } = await cotpot(["models", "--model", "./some/model.gguf"]);
    expect(code).toBe(0);
    expect(stdout).toBe("local model ./some/model.gguf\n  (--model names a local model file)\n");
  });

  it.skipIf(TINY_MODEL.missing)(
    `loads a local model with --pull${skipNote(TINY_MODEL.missing)}`,
    async () => {
      const { code, stdout } = await cotpot(["models", "--model", TINY_MODEL.path, "--pull"]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/llama-2-tiny-random is ready/);
    },
  );

  it("fails at once offline with what to do instead", async () => {
    // A download endpoint nobody answers: offline even on a machine with a network.
    const { code, stderr } = await cotpot(
      ["models", "--model", "hf:someone/missing-GGUF:Q4_K_M", "--pull"],
      "",
      { HF_ENDPOINT: "http://127.0.0.1:9/" },
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^cotpot: Could not download hf:someone\/missing-GGUF:Q4_K_M .*COTPOT_MODEL=/,
    );
  });
});
