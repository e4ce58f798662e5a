import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/index.js";

// Host memory must stay flat over thousands of programs, including ones that grow
// their heap (the engine then replaces its WebAssembly instance) and ones that run out.
const PROGRAMS: { code: string; kind: string }[] = [
  { code: "const xs = []; for (let i = 0; i < 1000; i++) xs.push({ i }); xs.length", kind: "ok" },
  { code: "const price = 80;\nconst answer = price * 0.75 * 0.9;", kind: "ok" },
  { code: "null.total", kind: "runtime" },
  { code: "console.log('step'.repeat(10)); 1", kind: "ok" },
  { code: "new Uint8Array(20 * 1024 * 1024).length", kind: "ok" },
  { code: "const keep = []; for (;;) keep.push(new Float64Array(1 << 16));", kind: "memory" },
  { code: "'abc'.repeat(1000).split('').reverse().join('').length", kind: "ok" },
];
const ROUNDS = 6;
const PER_ROUND = 500;

describe("host memory", () => {
  it(`stays flat over ${ROUNDS * PER_ROUND} programs`, async () => {
    await using sandbox = createSandbox({ workers: 2, memoryLimitBytes: 32 * 1024 * 1024 });
    const rssMiB: number[] = [];

    for (let round = 0; round < ROUNDS; round++) {
      const programs = Array.from({ length: PER_ROUND }, (_, i) => PROGRAMS[i % PROGRAMS.length]);
      const results = await Promise.all(
        programs.map((program) => sandbox.run(program?.code ?? "")),
      );

      const kinds = results.map((result) => (result.ok ? "ok" : result.error.kind));
      expect(kinds).toEqual(programs.map((program) => program?.kind));
      rssMiB.push(process.memoryUsage().rss / 2 ** 20);
    }

    // The first rounds reach the working size (two workers, each with a QuickJS heap
    // that may be grown to its cap); after that, no round may end far above it.
    const settled = Math.max(...rssMiB.slice(0, 2));
    const latest = Math.max(...rssMiB.slice(-3));
    expect(latest - settled, `RSS per round (MiB): ${rssMiB.map(Math.round)}`).toBeLessThan(96);
  }, 120_000);
});
