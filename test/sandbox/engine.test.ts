import DEBUG_SYNC from "@jitl/quickjs-wasmfile-debug-sync";
import {
  newQuickJSWASMModuleFromVariant,
  type QuickJSSyncVariant,
  type QuickJSWASMModule,
  TestQuickJSWASMModule,
} from "quickjs-emscripten-core";
import { describe, expect, it } from "vitest";
import { DEFAULT_SANDBOX_LIMITS } from "../../src/index.js";
import { createEngine } from "../../src/sandbox/engine.js";
import { executeProgram } from "../../src/sandbox/execute-program.js";
import { createFreshGuest } from "../../src/sandbox/fresh-guest.js";

const limits = { ...DEFAULT_SANDBOX_LIMITS, timeoutMs: 300, maxOutputBytes: 1000 };

// Every path through a program's execution, each with the kind it must end in.
const BATTERY: [string, string][] = [
  ["6 * 7", "ok"],
  ["function solution() { return { list: [1, 'two', null, 3n, new Date(0)] }; }", "ok"],
  ["let answer = [NaN, -0, undefined];", "ok"],
  ["var ans = 'text';", "ok"],
  ["async function solution() { await null; return 'done'; }", "ok"],
  ["console.log('a', 1, { b: [2] }, new Error('e'), () => 1, Symbol('s')); 1", "ok"],
  ["Promise.reject(new Error('no'))", "runtime"],
  ["new Promise(() => {})", "runtime"],
  ["let x = ;", "syntax"],
  ["JSON.parse('{')", "runtime"],
  ["throw { code: 1 };", "runtime"],
  ["function solution() { throw new TypeError('bad'); }", "runtime"],
  ["new Map()", "runtime"],
  ["const o = {}; o.o = o; o", "runtime"],
  ["for (;;) {}", "timeout"],
  ["var answer = { get x() { for (;;) {} } };", "timeout"],
  ["console.log({ toJSON() { for (;;) {} } }); 1", "timeout"],
  ["for (;;) console.log('flood');", "output"],
  ["'x'.repeat(5000)", "output"],
  ["function f() { return f() + 1; }\nf();", "stack"],
];

describe("executing a program", () => {
  it("frees everything it allocated on every path (QuickJS debug build, leak sanitizer)", async () => {
    const variant = DEBUG_SYNC as unknown as QuickJSSyncVariant;
    const quickjs = new TestQuickJSWASMModule(await newQuickJSWASMModuleFromVariant(variant));
    const module = quickjs as unknown as QuickJSWASMModule;
    const stackLimits = { ...limits, maxStackSizeBytes: 128 * 1024 };

    // The debug build compiles slowly; its first program must not count as a timeout.
    const first = createFreshGuest(module);
    executeProgram(first, "0", { ...stackLimits, timeoutMs: 10_000 }, () => false);
    first.release();

    for (const [code, kind] of BATTERY) {
      const guest = createFreshGuest(module);
      const execution = executeProgram(guest, code, stackLimits, () => false);

      expect(execution.ok ? "ok" : execution.error.kind, code).toBe(kind);
      expect(guest.release(), code).toBe(true);
      quickjs.disposeAll();
      expect(() => quickjs.assertNoMemoryAllocated(), code).not.toThrow();
    }
  }, 60_000);
});

describe("the engine", () => {
  it("keeps one QuickJS instance while programs leave the heap as they found it", async () => {
    const engine = createEngine();
    const stackLimits = { ...limits, maxStackSizeBytes: 128 * 1024 };
    for (const [code] of BATTERY) await engine.run(code, stackLimits);
    expect(engine.instancesLoaded).toBe(1);
  });

  it("replaces its instance after a program grew the heap", async () => {
    const engine = createEngine();
    await engine.run("1", limits);

    const grown = await engine.run("new Uint8Array(32 * 1024 * 1024).length", limits);
    expect(grown).toMatchObject({ ok: true, answer: 32 * 1024 * 1024 });
    await engine.run("1", limits);
    expect(engine.instancesLoaded).toBe(2);
  });

  it("loads an instance sized for a different memory limit", async () => {
    const engine = createEngine();
    await engine.run("1", limits);
    await engine.run("1", { ...limits, memoryLimitBytes: 8 * 1024 * 1024 });
    expect(engine.instancesLoaded).toBe(2);
  });
});
