import { afterAll, describe, expect, it } from "vitest";
import { createSandbox, InvalidOptionError, type ProgramError } from "../../src/index.js";

const sandbox = createSandbox({ workers: 2, timeoutMs: 500 });
afterAll(() => sandbox.dispose());

async function errorOf(code: string, options = {}): Promise<ProgramError> {
  const result = await sandbox.run(code, options);
  if (result.ok) throw new Error(`expected a failure, got ${String(result.answer)}`);
  return result.error;
}

describe("each kind of failure is a value", () => {
  it("syntax: QuickJS's message and the line and column as written", async () => {
    const error = await errorOf("const a = 1;\nconst b = (a + ;\nconst c = 3;");
    expect(error).toEqual({
      kind: "syntax",
      name: "SyntaxError",
      message: "unexpected token in expression: ';'",
      line: 2,
      column: 16,
    });
  });

  it("syntax: a program using import or export as a module", async () => {
    expect((await errorOf("import fs from 'fs';\nfs")).kind).toBe("syntax");
    expect((await errorOf("export const answer = 1;")).kind).toBe("syntax");
  });

  it("runtime: a throw inside solution() points at its line", async () => {
    const code = "function solution() {\n  const items = null;\n  return items.length;\n}";
    const error = await errorOf(code);
    expect(error).toEqual({
      kind: "runtime",
      name: "TypeError",
      message: "cannot read property 'length' of null",
      line: 3,
      column: 15,
    });
  });

  it("runtime: a SyntaxError raised while running is not a syntax error", async () => {
    const error = await errorOf("const data = '{broken';\nJSON.parse(data);");
    expect(error).toMatchObject({ kind: "runtime", name: "SyntaxError", line: 2 });
    expect((await errorOf("eval('(');")).kind).toBe("runtime");
  });

  it("runtime: a thrown value that is not an Error", async () => {
    expect(await errorOf("throw 42;")).toEqual({ kind: "runtime", message: "Uncaught 42" });
    expect(await errorOf("throw 'no';")).toEqual({ kind: "runtime", message: "Uncaught no" });
    expect((await errorOf("throw { code: 7 };")).message).toBe('Uncaught {"code":7}');
  });

  it("runtime: a rejected promise and one that never settles", async () => {
    const rejected = await errorOf("async function solution() {\n  throw new Error('late');\n}");
    expect(rejected).toMatchObject({ kind: "runtime", name: "Error", message: "late", line: 2 });

    const pending = await errorOf("function solution() { return new Promise(() => {}); }");
    expect(pending).toMatchObject({ kind: "runtime", message: expect.stringContaining("never") });
  });

  it("timeout: names the limit", async () => {
    const error = await errorOf("for (;;) {}", { timeoutMs: 50 });
    expect(error).toEqual({
      kind: "timeout",
      message: "interrupted: the program ran longer than 50 ms (timeoutMs)",
    });
  });

  it("memory: names the limit", async () => {
    const code = "const chunks = [];\nwhile (true) chunks.push(new Float64Array(1 << 16));";
    const error = await errorOf(code, { memoryLimitBytes: 8 * 1024 * 1024 });
    expect(error).toMatchObject({ kind: "memory", line: 2 });
    expect(error.message).toBe(
      "out of memory: the program needed more than 8 MiB (memoryLimitBytes)",
    );
    expect(error).not.toHaveProperty("name");
  });

  it("stack: names the limit and the line that recursed", async () => {
    const code = "function down(n) {\n  return down(n + 1) + 1;\n}\ndown(0);";
    const error = await errorOf(code, { maxStackSizeBytes: 256 * 1024 });
    expect(error).toMatchObject({ kind: "stack", line: 2 });
    expect(error.message).toBe(
      "stack overflow: the program recursed deeper than 256 KiB of stack allows (maxStackSizeBytes)",
    );
  });

  it("output: logs past the budget are cut, and the program stops", async () => {
    const result = await sandbox.run("for (let i = 0; ; i++) console.log('line ' + i);", {
      maxOutputBytes: 100,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe("output");
    expect(result.error.message).toContain("100 bytes");
    expect(result.logs.slice(0, 2)).toEqual(["line 0", "line 1"]);
    const kept = result.logs.reduce((bytes, line) => bytes + Buffer.byteLength(line) + 1, 0);
    expect(kept).toBeLessThanOrEqual(100);
    expect(result.logs.at(-1)).toMatch(/…$/);
  });

  it("output: an answer larger than the budget", async () => {
    const error = await errorOf("'x'.repeat(5000)", { maxOutputBytes: 1000 });
    expect(error.kind).toBe("output");
    expect(error.message).toContain("5000 bytes");
  });
});

describe("options", () => {
  it.each([
    [{ timeoutMs: 0 }, "Invalid timeoutMs: 0. Expected an integer from 1 to 600000"],
    [{ timeoutMs: 1.5 }, "Invalid timeoutMs: 1.5."],
    [{ memoryLimitBytes: 1024 }, "Invalid memoryLimitBytes: 1024. Expected an integer from"],
    [{ maxStackSizeBytes: 64 * 1024 * 1024 }, "Invalid maxStackSizeBytes: 67108864."],
    [{ maxOutputBytes: -1 }, "Invalid maxOutputBytes: -1."],
    [{ timeoutMs: "100" }, 'Invalid timeoutMs: "100".'],
  ])("rejects %j before running anything", (options, message) => {
    expect(() => sandbox.run("1", options as never)).toThrow(InvalidOptionError);
    expect(() => sandbox.run("1", options as never)).toThrow(message);
  });

  it("rejects a bad sandbox configuration when it is created", () => {
    expect(() => createSandbox({ workers: 0 })).toThrow(
      "Invalid workers: 0. Expected an integer from 1 to 64.",
    );
    expect(() => createSandbox({ timeoutMs: -5 })).toThrow(InvalidOptionError);
  });

  it("rejects code that is not a string", () => {
    expect(() => sandbox.run(42 as never)).toThrow("Invalid code: 42. Expected a string");
  });

  it("applies per-run limits over the sandbox's", async () => {
    expect(sandbox.limits.timeoutMs).toBe(500);
    const result = await sandbox.run("let i = 0; while (i < 3e6) i++; i", { timeoutMs: 5000 });
    expect(result).toMatchObject({ ok: true, answer: 3e6 });
  });
});

describe("errors a program throws itself", () => {
  it.each([
    ["out of memory", "throw new Error('out of memory');"],
    ["stack overflow", "throw new RangeError('stack overflow');"],
    ["interrupted", "throw new Error('interrupted');"],
  ])("are runtime failures even when they say %s", async (message, code) => {
    expect(await errorOf(code)).toMatchObject({ kind: "runtime", message });
  });
});
