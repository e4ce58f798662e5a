import { createRequire } from "node:module";
import type { SingleBar } from "cli-progress";
import type { EvalEvent, LedgerItem } from "../eval/index.js";

/** Shows an evaluation's progress; `finish` takes the bar off the terminal. */
export interface EvalProgress {
  onEvent: (event: EvalEvent) => void;
  finish: () => void;
}

/**
 * Progress for `cotpot eval` and `cotpot demo`: a bar with an ETA on a terminal, and a
 * line per finished item when standard error is a log or a pipe.
 */
export function evalProgress(): EvalProgress {
  if (!process.stderr.isTTY) return { onEvent: logLine, finish: () => {} };

  let bar: SingleBar | undefined;
  return {
    onEvent(event) {
      if (event.type === "start") bar = startBar(event.total, event.done);
      else bar?.update(event.done);
    },
    finish() {
      bar?.stop();
      bar = undefined;
    },
  };
}

function startBar(total: number, done: number): SingleBar {
  // cli-progress is CommonJS; required here so that commands without a bar never load it.
  const { SingleBar, Presets } = createRequire(import.meta.url)(
    "cli-progress",
  ) as typeof import("cli-progress");
  const bar = new SingleBar(
    { format: "Evaluating [{bar}] {value}/{total} | ETA {eta_formatted}", stream: process.stderr },
    Presets.shades_classic,
  );
  bar.start(total, done);
  return bar;
}

function logLine(event: EvalEvent): void {
  if (event.type === "start") {
    process.stderr.write(`Evaluating ${event.total} items (${event.done} already done).\n`);
    return;
  }
  const { item, done, total } = event;
  process.stderr.write(`[${done}/${total}] ${item.strategy} ${item.problemId}: ${verdict(item)}\n`);
}

function verdict(item: LedgerItem): string {
  if (item.error) return `error: ${item.error}`;
  if (item.correct) return "correct";
  const answer = item.answer ?? "no answer";
  return `wrong (${answer.length > 60 ? `${answer.slice(0, 57)}...` : answer})`;
}
