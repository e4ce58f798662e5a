import { afterAll, describe, expect, it } from "vitest";
import { createSandbox, type ProgramResult, type SandboxOptions } from "../../src/index.js";

// Every hostile program must come back as a value within its timeout plus about a
// second (the host's kill grace, terminating the worker, and a busy machine).
const BOUND_MS = 1000;
const TIMEOUT_MS = 300;

const sandbox = createSandbox({ workers: 2, timeoutMs: TIMEOUT_MS });
afterAll(() => sandbox.dispose());

async function contained(code: string, options: SandboxOptions = {}): Promise<ProgramResult> {
  const startedAt = performance.now();
  const result = await sandbox.run(code, options);
  const elapsedMs = performance.now() - startedAt;

  expect(elapsedMs).toBeLessThan((options.timeoutMs ?? TIMEOUT_MS) + BOUND_MS);
  return result;
}

async function kindOf(code: string, options: SandboxOptions = {}): Promise<string> {
  const result = await contained(code, options);
  return result.ok ? `answer ${String(result.answer)}` : result.error.kind;
}

describe("programs that never stop", () => {
  it.each([
    ["an empty loop", "while (true) {}"],
    ["a loop that catches everything", "for (;;) { try { for (;;) {} } catch (e) {} }"],
    ["exponential recursion", "function f() { try { f(); } catch { f(); } }\nf();"],
    ["an endless async loop", "async function solution() { for (;;) await null; }"],
    [
      "a microtask chain",
      "Promise.resolve().then(function again() { return Promise.resolve().then(again); })",
    ],
    ["a getter in the answer", "var answer = { get total() { for (;;) {} } };"],
    ["a toJSON in a log line", "console.log({ toJSON() { for (;;) {} } }); 1"],
    ["a getter in a thrown object", "throw { get message() { for (;;) {} } };"],
    ["a catastrophic regular expression", "/^(a+)+$/.test('a'.repeat(40) + 'b')"],
  ])("%s times out", async (_label, code) => {
    expect(await kindOf(code)).toBe("timeout");
  });

  it("one huge operation that never checks the clock is killed from outside", async () => {
    // Joining a billion holes runs inside one QuickJS builtin without polling the
    // interrupt handler; only terminating the worker stops it.
    expect(await kindOf("new Array(1e9) + ''", { timeoutMs: 1000 })).toMatch(/timeout|memory/);
  });
});

describe("programs that allocate without end", () => {
  const MEMORY = { memoryLimitBytes: 16 * 1024 * 1024, timeoutMs: 2000 };

  it.each([
    ["strings", "const a = []; for (;;) a.push('x'.repeat(1 << 20) + a.length);"],
    ["a doubling string", "let s = 'ab'; for (;;) s = s.repeat(2);"],
    ["typed arrays", "const a = []; for (;;) a.push(new Float64Array(1 << 17));"],
    ["array buffers", "const a = []; for (;;) a.push(new ArrayBuffer(1 << 20));"],
    ["small objects", "const a = []; for (;;) a.push({ x: a.length, y: [1, 2, 3] });"],
    ["a growing map", "const m = new Map(); for (let i = 0; ; i++) m.set(i, String(i));"],
    ["one huge string", "'x'.repeat(2 ** 29)"],
    ["one huge array", "new Array(2 ** 27).fill(0)"],
    ["one huge buffer", "new ArrayBuffer(2 ** 30)"],
  ])("%s run out of memory", async (_label, code) => {
    expect(await kindOf(code, MEMORY)).toBe("memory");
  });

  it("a program that catches out-of-memory and keeps allocating is still stopped", async () => {
    const code =
      "const keep = [];\nfor (;;) { try { keep.push(new Uint8Array(1 << 20)); } catch {} }";
    expect(await kindOf(code, MEMORY)).toMatch(/memory|timeout/);
  });

  it("leaves the next programs a working sandbox", async () => {
    await contained("let s = 'ab'; for (;;) s = s.repeat(2);", MEMORY);
    const results = await Promise.all([1, 2, 3, 4].map((n) => sandbox.run(`${n} * 10`)));
    expect(results.map((result) => result.ok && result.answer)).toEqual([10, 20, 30, 40]);
  });
});

describe("programs that recurse without end", () => {
  it.each([
    ["plain recursion", "function f(n) { return f(n + 1) + 1; }\nf(0);"],
    ["recursion through map", "function f() { return [1].map(f); }\nf();"],
    ["recursion through a getter", "const o = { get x() { return this.x; } };\no.x;"],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the guest's own template.
    ["recursion through toString", "const o = { toString() { return `${o}`; } };\n`${o}`"],
    [
      "a deep array flattened",
      "let a = []; for (let i = 0; i < 1e5; i++) a = [a];\na.flat(Infinity);",
    ],
    ["deeply nested JSON", "JSON.parse('['.repeat(1e5) + ']'.repeat(1e5));"],
    ["deeply nested source", "eval('['.repeat(1e5) + ']'.repeat(1e5));"],
  ])("%s overflows the stack", async (_label, code) => {
    expect(await kindOf(code)).toBe("stack");
  });

  it("overflows inside QuickJS, not the host, at the largest stack allowed", async () => {
    const code = "function f(n) { return f(n + 1) + 1; }\nf(0);";
    expect(await kindOf(code, { maxStackSizeBytes: 4 * 1024 * 1024 })).toBe("stack");
    expect(
      await kindOf("[1].map(function f() { return [1].map(f); })", {
        maxStackSizeBytes: 4 * 1024 * 1024,
      }),
    ).toBe("stack");
  });
});

describe("programs that flood the output", () => {
  const OUTPUT = { maxOutputBytes: 4096 };

  it.each([
    ["many short lines", "for (;;) console.log('spam');"],
    ["one enormous line", "console.log('x'.repeat(1e7)); 1"],
    ["logs swallowed by try", "for (;;) { try { console.log('x'.repeat(100)); } catch {} }"],
    ["logs from a getter", "const o = { get v() { for (;;) console.log('g'); } }; o.v"],
  ])("%s stop at the output limit", async (_label, code) => {
    const result = await contained(code, OUTPUT);
    expect(result.ok ? "answer" : result.error.kind).toBe("output");
    const bytes = result.logs.reduce((total, line) => total + Buffer.byteLength(line) + 1, 0);
    expect(bytes).toBeLessThanOrEqual(OUTPUT.maxOutputBytes);
  });
});

describe("programs that reach for the host", () => {
  it("see no Node.js globals, timers, network or WebAssembly", async () => {
    const names = [
      "process",
      "require",
      "module",
      "exports",
      "Buffer",
      "global",
      "__dirname",
      "setTimeout",
      "setInterval",
      "queueMicrotask",
      "fetch",
      "XMLHttpRequest",
      "WebAssembly",
      "std",
      "os",
      "print",
    ];
    const code = `[${names.map((name) => `typeof ${name}`).join(", ")}]`;
    const result = await contained(code);
    expect(result).toMatchObject({ ok: true, answer: names.map(() => "undefined") });
  });

  it.each([
    ["through a constructor chain", "this.constructor.constructor('return typeof process')()"],
    ["through Function", "Function('return typeof require')()"],
    ["through console's functions", "console.log.constructor('return typeof process')()"],
    ["through an async function", "(async () => {}).constructor('return typeof Buffer')()"],
  ])("find nothing %s", async (_label, code) => {
    const result = await contained(code);
    expect(result.ok && (await result.answer)).toBe("undefined");
  });

  it("find console's functions to be the guest's own", async () => {
    const code = "console.log.constructor('return this')() === globalThis";
    expect(await kindOf(code)).toBe("answer true");
  });

  it("cannot import modules", async () => {
    const dynamic = await contained("import('fs')");
    expect(dynamic).toMatchObject({ ok: false, error: { kind: "runtime" } });
    if (!dynamic.ok) expect(dynamic.error.message).toContain("could not load module");
    expect(await kindOf("import fs from 'node:fs';")).toBe("syntax");
  });

  it("cannot pollute what the next programs or the host see", async () => {
    const polluter = `
      Object.prototype.polluted = "yes";
      Array.prototype.map = null;
      globalThis.leaked = 1;
      Math.max = () => -1;
      var answer = JSON.parse('{"__proto__": {"fromJson": true}}');`;
    await Promise.all([contained(polluter), contained(polluter)]);

    const probe = "[typeof ({}).polluted, typeof [].map, typeof leaked, Math.max(1, 2)]";
    const results = await Promise.all([1, 2, 3, 4].map(() => contained(probe)));
    for (const result of results) {
      expect(result).toMatchObject({ ok: true, answer: ["undefined", "function", "undefined", 2] });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).fromJson).toBeUndefined();
  });
});
