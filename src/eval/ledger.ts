import { writeSync } from "node:fs";
import { mkdir, open, readFile, truncate } from "node:fs/promises";
import { dirname } from "node:path";
import { CotpotError } from "../errors/index.js";
import type { Usage } from "../models/index.js";

/** One finished evaluation item, as a line of the ledger. */
export interface LedgerItem {
  problemId: string;
  strategy: string;
  question: string;
  gold: string;
  answer: string | null;
  correct: boolean;
  usage: Usage;
  latencyMs: number;
  /** Model calls the strategy made. */
  calls: number;
  /** What each call was for, and what went wrong with it. */
  attempts: { purpose: string; error?: string }[];
  reasoning?: string;
  program?: string;
  execution?: { ok: boolean; answer?: unknown; error?: string };
  fallback?: string;
  votes?: { answer: string; count: number }[];
  agreement?: number;
  /** Set when the strategy failed (the model or server failed); a resumed run tries again. */
  error?: string;
  finishedAt: string;
}

/** An append-only JSONL record of a run, one line per finished item. */
export interface Ledger {
  readonly path: string;
  /** The items recorded so far: the latest line for each problem and strategy. */
  items(): LedgerItem[];
  /** The latest item for this problem and strategy, if any. */
  item(problemId: string, strategy: string): LedgerItem | undefined;
  /** Whether this problem was answered by this strategy without an error. */
  done(problemId: string, strategy: string): boolean;
  /** Adds an item, on disk at once. */
  append(item: LedgerItem): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the ledger at `path`. With `resume`, what it already holds counts as done (a
 * line cut short by a kill is dropped); without, an existing non-empty ledger is an
 * error, so a run never mixes into another one by accident.
 *
 * @throws {CotpotError} for an existing ledger without `resume`, or a corrupt one.
 */
export async function openLedger(path: string, options: { resume: boolean }): Promise<Ledger> {
  await mkdir(dirname(path), { recursive: true });
  const existing = await readExisting(path, options.resume);
  const latest = new Map(existing.map((item) => [keyOf(item.problemId, item.strategy), item]));
  const handle = await open(path, "a");

  return {
    path,
    items: () => [...latest.values()],
    item: (problemId, strategy) => latest.get(keyOf(problemId, strategy)),
    done: (problemId, strategy) => {
      const item = latest.get(keyOf(problemId, strategy));
      return item !== undefined && item.error === undefined;
    },
    async append(item) {
      writeLine(handle.fd, JSON.stringify(item));
      latest.set(keyOf(item.problemId, item.strategy), item);
    },
    close: () => handle.close(),
  };
}

/**
 * Writes a line at once, in as few system calls as the kernel allows (one, for a file),
 * so a kill leaves at most the last line cut short; synchronous, because a line costs a
 * few microseconds this way against tens through the thread pool, and lines can never
 * interleave.
 */
function writeLine(fd: number, line: string): void {
  const bytes = Buffer.from(`${line}\n`);
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written);
}

async function readExisting(path: string, resume: boolean): Promise<LedgerItem[]> {
  const text = await readFile(path, "utf8").catch(() => "");
  if (text === "") return [];
  if (!resume) {
    throw new CotpotError(
      `${path} already holds a run. Resume it (--resume), or choose another output folder (--out).`,
    );
  }

  // Every complete line ends with a newline; what follows the last one is either nothing
  // or a line a kill cut short.
  const complete = text.split("\n").slice(0, -1);
  if (!text.endsWith("\n")) {
    // The last line was being written when the run was killed; it is dropped and redone.
    await truncate(path, Buffer.byteLength(complete.map((line) => `${line}\n`).join("")));
  }
  return complete.map((line, index) => parseLine(path, index + 1, line));
}

function parseLine(path: string, line: number, text: string): LedgerItem {
  try {
    return JSON.parse(text) as LedgerItem;
  } catch (error) {
    throw new CotpotError(`${path}:${line} is not a ledger line; the ledger is damaged.`, {
      cause: error,
    });
  }
}

function keyOf(problemId: string, strategy: string): string {
  return `${strategy}\u0000${problemId}`;
}
