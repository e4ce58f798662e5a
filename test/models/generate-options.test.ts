import { describe, expect, it } from "vitest";
import { InvalidOptionError, resolveGenerateOptions, SAMPLING_PRESETS } from "../../src/index.js";

describe("generate options", () => {
  it("apply a preset, with options given overriding it", () => {
    expect(resolveGenerateOptions({ preset: "precise" })).toEqual({
      temperature: 0,
      topP: 1,
      n: 1,
      stop: [],
    });
    expect(resolveGenerateOptions({ preset: "creative", temperature: 0.9 })).toMatchObject({
      temperature: 0.9,
      topP: 0.95,
      topK: 50,
    });
  });

  it("start from defaults, which a call's options override", () => {
    expect(
      resolveGenerateOptions({ seed: 2 }, { preset: "balanced", seed: 1, maxTokens: 64 }),
    ).toEqual({
      ...SAMPLING_PRESETS.balanced,
      seed: 2,
      maxTokens: 64,
      n: 1,
      stop: [],
    });
  });

  it("turn one stop string into a list", () => {
    expect(resolveGenerateOptions({ stop: "\n\nQ:" }).stop).toEqual(["\n\nQ:"]);
  });

  it.each([
    [{ temperature: 2.5 }, "Invalid temperature: 2.5. Expected a number from 0 to 2."],
    [{ temperature: -0.1 }, "Invalid temperature: -0.1."],
    [{ topP: 0 }, "Invalid topP: 0. Expected a number greater than 0 and at most 1."],
    [{ topK: 2.5 }, "Invalid topK: 2.5. Expected a whole number of at least 1."],
    [{ minP: 1 }, "Invalid minP: 1. Expected a number from 0 up to (not including) 1."],
    [{ seed: 1.5 }, "Invalid seed: 1.5. Expected a whole number."],
    [{ maxTokens: 0 }, "Invalid maxTokens: 0."],
    [{ n: 200 }, "Invalid n: 200. Expected a whole number from 1 to 128."],
    [{ timeoutMs: -1 }, "Invalid timeoutMs: -1."],
    [{ maxRetries: 11 }, "Invalid maxRetries: 11. Expected a whole number from 0 to 10."],
    [{ temperature: "0.5" }, 'Invalid temperature: "0.5".'],
    [{ stop: [""] }, "Invalid stop: an array. Expected a non-empty string or a list of them."],
    [{ preset: "wild" }, 'Invalid preset: "wild". Expected one of precise, balanced, creative.'],
    [{ top_p: 0.9 }, 'Invalid options: "top_p". Expected one of temperature, topP, topK,'],
    [{ signal: "stop" }, 'Invalid signal: "stop". Expected an AbortSignal.'],
  ])("refuse %j, naming the option, the value and what is allowed", (options, message) => {
    expect(() => resolveGenerateOptions(options as never)).toThrow(InvalidOptionError);
    expect(() => resolveGenerateOptions(options as never)).toThrow(message);
  });
});
