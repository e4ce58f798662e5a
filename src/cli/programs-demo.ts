import { readdir, readFile } from "node:fs/promises";
import { createSandbox, type ProgramResult } from "../sandbox/index.js";

const PROGRAMS = new URL("../../examples/programs/", import.meta.url);

interface Example {
  file: string;
  question: string;
  /** What the example shows, when it says. */
  note?: string;
  /** A number the answer must equal, or the kind of failure the program must hit. */
  expect: string;
  code: string;
}

/**
 * `cotpot demo --programs`: runs each example program through the sandbox and shows
 * what it did, its answer or how it was stopped, checked against the `// Expect:` line
 * it carries. It needs no model.
 *
 * @returns the exit status: 0 when every example behaved as its header says.
 */
export async function programsDemo(): Promise<number> {
  const examples = await loadExamples();
  const sandbox = createSandbox();
  let mismatches = 0;

  try {
    const results = await Promise.all(examples.map((example) => sandbox.run(example.code)));
    examples.forEach((example, index) => {
      const result = results[index] as ProgramResult;
      const matched = matches(result, example.expect);
      if (!matched) mismatches += 1;
      printExample(example, result, matched);
    });
  } finally {
    await sandbox.dispose();
  }

  const verdict = mismatches === 0 ? "all as expected" : `${mismatches} not as expected`;
  process.stdout.write(`\n${examples.length} programs run: ${verdict}.\n`);
  return mismatches === 0 ? 0 : 1;
}

async function loadExamples(): Promise<Example[]> {
  const files = (await readdir(PROGRAMS)).filter((file) => file.endsWith(".js")).sort();
  return Promise.all(
    files.map(async (file) => parseExample(file, await readFile(new URL(file, PROGRAMS), "utf8"))),
  );
}

/**
 * Reads an example's header: `// Question:`, `// Note:` and `// Expect:` fields, each
 * continuing over the comment lines that follow it.
 */
function parseExample(file: string, code: string): Example {
  const fields = new Map<string, string>();
  let current = "";

  for (const line of code.split("\n")) {
    if (!line.startsWith("//")) break;
    const text = line.replace(/^\/\/\s?/, "");
    const field = /^(Question|Note|Expect):\s*(.*)$/.exec(text);
    if (field?.[1]) current = field[1];
    const value = field ? (field[2] ?? "") : text;
    if (current) fields.set(current, `${fields.get(current) ?? ""} ${value}`.trim());
  }

  const example: Example = {
    file,
    question: fields.get("Question") ?? "(no question)",
    expect: fields.get("Expect") ?? "?",
    code,
  };
  const note = fields.get("Note");
  if (note) example.note = note;
  return example;
}

function matches(result: ProgramResult, expect: string): boolean {
  if (!result.ok) return result.error.kind === expect;
  return typeof result.answer === "number" && Math.abs(result.answer - Number(expect)) < 1e-9;
}

function printExample(example: Example, result: ProgramResult, matched: boolean): void {
  const lines = [`\n${matched ? "✓" : "✗"} ${example.file}: ${example.question}`];
  if (example.note) lines.push(`    (${example.note})`);
  for (const log of result.logs) lines.push(`    log: ${log}`);

  const took = `${result.durationMs.toFixed(1)} ms`;
  if (result.ok) {
    lines.push(`    answer: ${String(result.answer)} (${took})`);
  } else {
    const { kind, name, message, line } = result.error;
    const where = line === undefined ? "" : ` at line ${line}`;
    lines.push(`    stopped: ${kind}${where}: ${name ? `${name}: ` : ""}${message} (${took})`);
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}
