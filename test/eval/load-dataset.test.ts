import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DatasetError, loadDataset } from "../../src/index.js";
import { sharedData, skipNote } from "../helpers/shared-data.js";

const folder = mkdtempSync(join(tmpdir(), "cotpot-datasets-"));
function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

describe("loadDataset", () => {
  const gsm8k = sharedData("gsm8k/test.jsonl");
  it.skipIf(gsm8k.missing)(
    `reads GSM8K JSONL, taking the gold answer after ####${skipNote(gsm8k.missing)}`,
    async () => {
      const problems = await loadDataset(gsm8k.path);
      expect(problems).toHaveLength(1319);
      expect(problems[0]).toEqual({
        id: "test.jsonl:1",
        question: expect.stringMatching(/^Janet.s ducks lay 16 eggs per day/),
        answer: "18",
      });
    },
  );

  const svamp = sharedData("svamp/SVAMP.json");
  it.skipIf(svamp.missing)(
    `reads SVAMP JSON, joining the body and the question${skipNote(svamp.missing)}`,
    async () => {
      const problems = await loadDataset(svamp.path);
      expect(problems).toHaveLength(1000);
      expect(problems[0]?.id).toBe("chal-1");
      expect(problems[0]?.question).toMatch(/\?$/);
      expect(Number(problems[0]?.answer)).not.toBeNaN();
    },
  );

  it("reads generic JSONL, with its own ids or file:line", async () => {
    const path = file(
      "mine.jsonl",
      '{"id":"a","question":"1+1?","answer":2}\n\n{"question":"Capital of France?","answer":"Paris"}\n',
    );
    expect(await loadDataset(path)).toEqual([
      { id: "a", question: "1+1?", answer: "2" },
      { id: "mine.jsonl:3", question: "Capital of France?", answer: "Paris" },
    ]);
  });

  it.each([
    [
      "broken.jsonl",
      '{"question":"ok","answer":1}\n{"question": "broken"\n',
      /broken\.jsonl:2: not a JSON object: /,
    ],
    [
      "fields.jsonl",
      '{"question":"ok","answer":1}\n{"prompt":"x"}\n',
      /fields\.jsonl:2: missing question and answer \(expected \{ id\?, question, answer \}\)$/,
    ],
    ["no-answer.jsonl", '{"question":"no answer"}\n', /no-answer\.jsonl:1: missing answer/],
    [
      "empty.jsonl",
      "\n\n",
      /empty\.jsonl: the file holds no problems \(expected one \{ question, answer \} object per line, or a JSON array\)$/,
    ],
    [
      "twice.jsonl",
      '{"id":"a","question":"q1","answer":1}\n{"id":"b","question":"q2","answer":2}\n{"id":"a","question":"q3","answer":3}\n',
      /twice\.jsonl: the id 'a' is used twice \(problems #1 and #3\); ids must be distinct$/,
    ],
    [
      "not-array.json",
      '[{"Body":"b","Question":"q?"}]',
      /not-array\.json: item 1: this SVAMP record has no Answer$/,
    ],
  ])("names the file and line of a row it cannot read (%s)", async (name, text, message) => {
    const error = await loadDataset(file(name, text)).catch((caught) => caught);

    expect(error).toBeInstanceOf(DatasetError);
    expect(error.message).toMatch(message);
  });

  it("names a file it cannot read", async () => {
    await expect(loadDataset(join(folder, "absent.jsonl"))).rejects.toThrow(
      /absent\.jsonl: cannot read the file \(ENOENT\)/,
    );
  });
});
