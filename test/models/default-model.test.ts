import { describe, expect, it } from "vitest";
import { CotpotError, chooseModel, DEFAULT_LOCAL_MODEL, defaultModel } from "../../src/index.js";

describe("choosing the default model", () => {
  it("runs the default local model when no server is configured", () => {
    expect(chooseModel({ env: {} })).toEqual({
      kind: "local",
      model: DEFAULT_LOCAL_MODEL,
      reason:
        "no server is configured (COTPOT_MODEL, OPENAI_BASE_URL and OPENAI_API_KEY are unset)",
    });
    expect(defaultModel({ env: {} }).provider).toBe("local");
  });

  it("takes COTPOT_MODEL first: a .gguf path or hf: URI is local", () => {
    const env = { COTPOT_MODEL: "./models/tiny.gguf", OPENAI_BASE_URL: "http://127.0.0.1:8080/v1" };
    expect(chooseModel({ env })).toMatchObject({ kind: "local", model: "./models/tiny.gguf" });
    expect(chooseModel({ env: { COTPOT_MODEL: "hf:org/repo:Q4_K_M" } })).toMatchObject({
      kind: "local",
    });
  });

  it("takes any other COTPOT_MODEL as a server's model name", () => {
    const env = { COTPOT_MODEL: "qwen2.5:1.5b", OPENAI_BASE_URL: "http://127.0.0.1:11434/v1" };
    expect(chooseModel({ env })).toEqual({
      kind: "server",
      model: "qwen2.5:1.5b",
      baseURL: "http://127.0.0.1:11434/v1",
      reason: "OPENAI_BASE_URL is set",
    });
    const model = defaultModel({ env });
    expect([model.provider, model.name]).toEqual(["openai", "qwen2.5:1.5b"]);
  });

  it("asks a configured server for its model when none is named, and OpenAI for gpt-4o-mini", () => {
    expect(chooseModel({ env: { OPENAI_BASE_URL: "http://127.0.0.1:8080/v1" } }).model).toBe(
      "auto",
    );
    expect(chooseModel({ env: { OPENAI_API_KEY: "sk-x" } })).toEqual({
      kind: "server",
      model: "gpt-4o-mini",
      reason: "OPENAI_API_KEY is set",
    });
  });

  it("an explicit model wins over the environment", () => {
    const env = { COTPOT_MODEL: "a.gguf", OPENAI_API_KEY: "sk-x" };
    expect(chooseModel({ env, model: "gpt-4.1-mini" })).toMatchObject({
      kind: "server",
      model: "gpt-4.1-mini",
    });
  });

  it("refuses a server model name with no server configured, saying what to set", () => {
    expect(() => chooseModel({ env: { COTPOT_MODEL: "gpt-4o" } })).toThrow(CotpotError);
    expect(() => chooseModel({ env: { COTPOT_MODEL: "gpt-4o" } })).toThrow(
      "COTPOT_MODEL=gpt-4o names a server's model, but no server is configured. Set OPENAI_BASE_URL",
    );
    expect(() => chooseModel({ env: {}, model: "gpt-4o" })).toThrow(/^--model=gpt-4o names/);
  });
});
