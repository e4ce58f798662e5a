import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { CotpotError, createSandbox } from "../../src/index.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const busy = (ms: number) => `const end = Date.now() + ${ms};\nwhile (Date.now() < end) {}\n${ms}`;

describe("the worker pool", () => {
  it("starts a program's deadline when a worker takes it, not when it is queued", async () => {
    await using sandbox = createSandbox({ workers: 1, timeoutMs: 400 });
    // Four programs of 150 ms each: the last waits 450 ms in the queue, past its timeout.
    const results = await Promise.all([1, 2, 3, 4].map(() => sandbox.run(busy(150))));
    expect(results.map((result) => result.ok)).toEqual([true, true, true, true]);
  });

  it("replaces a worker it had to terminate, and keeps serving", async () => {
    await using sandbox = createSandbox({ workers: 2 });
    const killed = await sandbox.run("new Array(1e9) + ''", { timeoutMs: 200 });
    expect(killed).toMatchObject({ ok: false, error: { kind: "timeout" } });

    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => sandbox.run(`${n} + 1`)));
    expect(results.map((result) => result.ok && result.answer)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it("stops a running program when its signal aborts, and rejects with the reason", async () => {
    await using sandbox = createSandbox({ workers: 1 });
    const controller = new AbortController();
    const running = sandbox.run("for (;;) {}", { signal: controller.signal, timeoutMs: 60_000 });
    const queued = sandbox.run("1", { signal: controller.signal });

    setTimeout(() => controller.abort(new Error("user cancelled")), 50);
    await expect(running).rejects.toThrow("user cancelled");
    await expect(queued).rejects.toThrow("user cancelled");
    expect(await sandbox.run("2")).toMatchObject({ ok: true, answer: 2 });
  });

  it("rejects at once for a signal that has already aborted", async () => {
    await using sandbox = createSandbox({ workers: 1 });
    await expect(sandbox.run("1", { signal: AbortSignal.abort() })).rejects.toThrow(/abort/i);
  });

  it("rejects what is pending when disposed, and every run after", async () => {
    const sandbox = createSandbox({ workers: 1 });
    const settled = (promise: Promise<unknown>) =>
      promise.then(
        () => "resolved",
        (error) => error,
      );
    const pending = settled(sandbox.run("for (;;) {}", { timeoutMs: 60_000 }));
    const queued = settled(sandbox.run("1"));

    await sandbox.dispose();
    expect(await pending).toBeInstanceOf(CotpotError);
    expect(String(await queued)).toContain("disposed before the program finished");
    await expect(sandbox.run("1")).rejects.toThrow("This sandbox was disposed");
  });

  it("does not keep the process alive once programs are done", async () => {
    const script = [
      "import { runProgram } from './src/index.ts';",
      "const result = await runProgram('function solution() { return 6 * 7; }');",
      "console.log(result.answer);",
    ].join("\n");
    const run = promisify(execFile);
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      {
        cwd: ROOT,
        timeout: 20_000,
      },
    );
    expect(stdout.trim()).toBe("42");
  });
});
