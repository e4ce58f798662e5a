import { afterAll, describe, expect, it } from "vitest";
import { createSandbox, type ProgramResult } from "../../src/index.js";

const sandbox = createSandbox({ workers: 2 });
afterAll(() => sandbox.dispose());

async function answerOf(code: string): Promise<unknown> {
  const result = await sandbox.run(code);
  if (!result.ok) throw new Error(`expected an answer, got ${JSON.stringify(result.error)}`);
  return result.answer;
}

async function failureOf(code: string): Promise<Extract<ProgramResult, { ok: false }>> {
  const result = await sandbox.run(code);
  if (result.ok) throw new Error(`expected a failure, got ${String(result.answer)}`);
  return result;
}

describe("the answer conventions", () => {
  it("takes the return value of solution() first", async () => {
    const code = "const answer = 1;\nfunction solution() { return 2; }\n3";
    expect(await answerOf(code)).toBe(2);
  });

  it("accepts solution written as an arrow function or class-free const", async () => {
    expect(await answerOf("const solution = () => 40 + 2;")).toBe(42);
  });

  it("takes a top-level answer binding when there is no solution()", async () => {
    expect(await answerOf("let total = 4 * 5;\nlet answer = total - 1;")).toBe(19);
    expect(await answerOf("var answer = 'seven';")).toBe("seven");
  });

  it("takes ans when there is neither solution() nor answer", async () => {
    expect(await answerOf("const eggs = 16 - 3 - 4;\nconst ans = eggs * 2;")).toBe(18);
    expect(await answerOf("ans = 5")).toBe(5);
  });

  it("prefers answer over ans", async () => {
    expect(await answerOf("const ans = 1;\nconst answer = 2;")).toBe(2);
  });

  it("falls back to the completion value of the script", async () => {
    expect(await answerOf("const a = 6;\nconst b = 7;\na * b")).toBe(42);
    expect(await answerOf("let x = 1;")).toBeUndefined();
  });

  it("awaits a promise from solution() and from the script", async () => {
    expect(await answerOf("async function solution() { await null; return 5; }")).toBe(5);
    const chained = "Promise.resolve(2).then((x) => x * 10).then((x) => x + 1)";
    expect(await answerOf(chained)).toBe(21);
  });

  it("runs queued jobs even when the answer is not a promise", async () => {
    const result = await sandbox.run("Promise.resolve().then(() => console.log('later'));\n1");
    expect(result).toMatchObject({ ok: true, answer: 1, logs: ["later"] });
  });
});

describe("plain data coming back", () => {
  it("keeps numbers JSON cannot hold", async () => {
    const answer = await answerOf("[NaN, Infinity, -Infinity, -0, 0.1 + 0.2, 2 ** 60]");
    expect(answer).toEqual([Number.NaN, Infinity, -Infinity, -0, 0.1 + 0.2, 2 ** 60]);
    expect(Object.is((answer as number[])[3], -0)).toBe(true);
  });

  it("keeps bigints, null, undefined and booleans", async () => {
    expect(await answerOf("12345678901234567890n")).toBe(12345678901234567890n);
    expect(await answerOf("({ a: null, b: true, c: [false, 1n] })")).toEqual({
      a: null,
      b: true,
      c: [false, 1n],
    });
    expect(await answerOf("undefined")).toBeUndefined();
  });

  it("keeps strings exactly, whatever their first letter", async () => {
    const strings = ["s", "u", "n-0", "bad", "", "ünïcödé \u{1F600}", '{"a":1}', "\\n"];
    const code = `var answer = ${JSON.stringify(strings)};`;
    expect(await answerOf(code)).toEqual(strings);
    expect(await answerOf("'u'")).toBe("u");
  });

  it("returns nested arrays and plain objects, including null-prototype ones", async () => {
    const code = `
      function solution() {
        const byName = Object.create(null);
        byName.alice = [1, 2, { deep: ["x"] }];
        return { byName, count: 2 };
      }`;
    expect(await answerOf(code)).toEqual({ byName: { alice: [1, 2, { deep: ["x"] }] }, count: 2 });
  });

  it("keeps a __proto__ key as data", async () => {
    const answer = await answerOf(`JSON.parse('{"__proto__": {"polluted": true}}')`);
    expect(Object.keys(answer as object)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("turns a Date into its ISO string", async () => {
    expect(await answerOf("new Date(Date.UTC(2024, 1, 29))")).toBe("2024-02-29T00:00:00.000Z");
  });

  it.each([
    ["a function", "function solution() { return () => 1; }", "the answer is a function"],
    ["a symbol", "Symbol('x')", "the answer is a symbol"],
    ["a Map", "new Map([[1, 2]])", "the answer is a Map"],
    ["a class instance", "class Point {}; new Point()", "the answer is a Point"],
    ["a nested Set", "({ items: [1, new Set()] })", "the answer.items[1] is a Set"],
    ["a cycle", "const o = { a: {} }; o.a.back = o; o", "the answer.a.back is a circular"],
  ])("rejects %s with a message naming where it is", async (_label, code, phrase) => {
    const { error } = await failureOf(code);
    expect(error.kind).toBe("runtime");
    expect(error.name).toBe("TypeError");
    expect(error.message).toContain(phrase);
    expect(error.message).toContain("plain data");
  });

  it("reads the answer with the built-ins the program left, and never trusts them", async () => {
    const code = "JSON.stringify = () => { throw 'sabotaged'; };\nvar answer = { list: [1] };";
    const { error } = await failureOf(code);
    expect(error).toMatchObject({ kind: "runtime", message: "Uncaught sabotaged" });
    expect(await answerOf("var answer = { fine: true };")).toEqual({ fine: true });
  });
});

describe("console output", () => {
  it("captures every console method as lines, formatted like a terminal", async () => {
    const code = `
      console.log("total:", 12, true, null, undefined, 3n, -0);
      console.info({ a: [1, 2] }, [3]);
      console.warn(new RangeError("too far"));
      console.error(() => 1, Symbol("s"));
      console.debug("last");
      1`;
    const result = await sandbox.run(code);
    expect(result.logs).toEqual([
      "total: 12 true null undefined 3n -0",
      '{"a":[1,2]} [3]',
      "RangeError: too far",
      "[Function] [Symbol]",
      "last",
    ]);
  });

  it("keeps the logs of a program that failed", async () => {
    const { logs, error } = await failureOf("console.log('step 1');\nnull.x;");
    expect(logs).toEqual(["step 1"]);
    expect(error.line).toBe(2);
  });
});
