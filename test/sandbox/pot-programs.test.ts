import { afterAll, describe, expect, it } from "vitest";
import { createSandbox } from "../../src/index.js";
import { loadPotPrograms } from "../fixtures/pot-programs.js";
import { sharedData } from "../helpers/shared-data.js";

// Real Program-of-Thought generations (Codex, 2022) with the value their authors got
// by running them in Python. Most are straight-line assignments, which are JavaScript
// once each name is declared; those must give the authors' values here.

const sandbox = createSandbox();
afterAll(() => sandbox.dispose());

function agrees(actual: unknown, expected: number | null, absolute: boolean): boolean {
  if (expected === null) return typeof actual !== "number" || !Number.isFinite(actual);
  if (typeof actual !== "number") return false;

  const value = absolute ? Math.abs(actual) : actual;
  return Math.abs(value - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

describe.each([
  ["gsm8k-fewshot.jsonl", false],
  // This file stored absolute values as `executed`.
  ["svamp-fewshot.jsonl", true],
])("real PoT programs from %s", (file, absolute) => {
  const data = sharedData(`pot-programs/${file}`);
  const title = data.missing ? `skipped: ${data.missing}` : "reproduce their authors' values";

  it.skipIf(data.missing)(title, async () => {
    const { programs, records } = loadPotPrograms(data.path);
    // The straight-line share the data's README describes (about 96%).
    expect(programs.length / records).toBeGreaterThan(0.9);

    const results = await Promise.all(programs.map(({ code }) => sandbox.run(code)));
    const disagreements = programs.flatMap((program, index) => {
      const result = results[index];
      const actual = result?.ok ? result.answer : result?.error;
      return agrees(actual, program.executed, absolute) ? [] : [{ ...program, actual }];
    });
    expect(disagreements.slice(0, 3)).toEqual([]);

    // Programs Python could not run fail here too (a name used before it was set), or
    // give a non-finite number where Python raised ZeroDivisionError.
    const failedHere = programs.filter((_, index) => !results[index]?.ok);
    expect(failedHere.every((program) => program.executed === null)).toBe(true);
  });
});
