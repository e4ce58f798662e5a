import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { DatasetError } from "./dataset-error.js";
import type { Problem } from "./problem.js";

const GSM8K_ANSWER = /####\s*(.+?)\s*$/;

/**
 * Reads problems from a file: GSM8K JSONL (`question`, and `answer` ending `#### N`),
 * SVAMP JSON (an array of `Body`, `Question`, `Answer`), or generic JSONL
 * (`{ id?, question, answer }`, one per line). Ids default to `file:line` (or the
 * record's own `ID`), so a resumed run can tell what is done.
 *
 * @throws {DatasetError} naming the file and line of a row that cannot be read.
 * @example
 * ```ts
 * const problems = await loadDataset("data/gsm8k/test.jsonl");
 * ```
 */
export async function loadDataset(path: string): Promise<Problem[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = error instanceof Error && "code" in error ? ` (${String(error.code)})` : "";
    throw new DatasetError(path, undefined, `cannot read the file${code}`, { cause: error });
  }
  const problems = text.trimStart().startsWith("[") ? jsonArray(path, text) : jsonLines(path, text);
  checkDistinctIds(path, problems);
  return problems;
}

/** A ledger knows an item by its problem's id, so two problems may not share one. */
function checkDistinctIds(path: string, problems: readonly Problem[]): void {
  const seen = new Map<string, number>();
  problems.forEach(({ id }, index) => {
    const first = seen.get(id);
    if (first !== undefined) {
      throw new DatasetError(
        path,
        undefined,
        `the id '${id}' is used twice (problems #${first + 1} and #${index + 1}); ids must be distinct`,
      );
    }
    seen.set(id, index);
  });
}

function jsonLines(path: string, text: string): Problem[] {
  const name = basename(path);
  const problems: Problem[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    const record = parseRecord(path, index + 1, line);
    problems.push(fromRecord(path, index + 1, record, `${name}:${index + 1}`));
  });
  if (problems.length === 0) {
    const expected = "expected one { question, answer } object per line, or a JSON array";
    throw new DatasetError(path, undefined, `the file holds no problems (${expected})`);
  }
  return problems;
}

function jsonArray(path: string, text: string): Problem[] {
  let records: unknown;
  try {
    records = JSON.parse(text);
  } catch (error) {
    throw new DatasetError(path, undefined, `not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!Array.isArray(records) || records.length === 0) {
    throw new DatasetError(path, undefined, "expected a non-empty array of problems");
  }
  const name = basename(path);
  return records.map((record, index) =>
    fromRecord(path, index + 1, record, `${name}#${index + 1}`, "item"),
  );
}

function parseRecord(path: string, line: number, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DatasetError(path, line, `not a JSON object: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** One record in any of the formats, or an error saying which fields it lacks. */
function fromRecord(
  path: string,
  position: number,
  record: unknown,
  fallbackId: string,
  unit = "line",
): Problem {
  const at = unit === "line" ? position : undefined;
  const where = unit === "line" ? "" : `item ${position}: `;
  if (record === null || typeof record !== "object" || Array.isArray(record)) {
    throw new DatasetError(path, at, `${where}expected an object with a question and an answer`);
  }
  const fields = record as Record<string, unknown>;

  if (typeof fields.Body === "string" && typeof fields.Question === "string") {
    const answer = text(fields.Answer);
    if (answer === undefined)
      throw new DatasetError(path, at, `${where}this SVAMP record has no Answer`);
    const id = fields.ID === undefined ? fallbackId : String(fields.ID);
    return { id, question: `${fields.Body.trim()} ${fields.Question.trim()}`, answer };
  }

  const question = text(fields.question);
  const rawAnswer = text(fields.answer);
  if (question === undefined || rawAnswer === undefined) {
    const missing = [
      question === undefined ? "question" : "",
      rawAnswer === undefined ? "answer" : "",
    ].filter(Boolean);
    throw new DatasetError(
      path,
      at,
      `${where}missing ${missing.join(" and ")} (expected { id?, question, answer })`,
    );
  }
  const gsm8k = GSM8K_ANSWER.exec(rawAnswer);
  const id = fields.id === undefined ? fallbackId : String(fields.id);
  return { id, question, answer: gsm8k?.[1] ?? rawAnswer };
}

function text(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}
