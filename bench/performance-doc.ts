import { type BenchResult, formatValue, ratioOf } from "./figures.js";

/** What docs/PERFORMANCE.md is written from. */
export interface PerformanceRun {
  machine: string;
  date: Date;
  commit: string;
  results: Record<string, BenchResult>;
}

const ABOUT: Record<string, string> = {
  sandbox:
    "Our sandbox (`createSandbox`) against bare quickjs-emscripten on the same programs: a fresh runtime and context with the same limits and deadline, one eval, dispose, on the calling thread. Ours adds the answer conventions, output capture, a bounded heap and the hop to a worker thread and back.",
  templates:
    "`renderChat` on an 18-message ChatML conversation against the floor (the same prompt built by hand-written concatenation) and `@huggingface/jinja` rendering ChatML's official template, parsed once.",
  models:
    "An `openai()` chat call against the raw `openai` SDK call it makes, to the same loopback server; throughput at several concurrencies; the local model's reuse of a shared prompt prefix (the tiny GGUF).",
  eval: "`evaluate()` (a ledger line per item, progress events, the summary) against running the same strategy calls with the same concurrency and nothing else, on a loopback server; the report for a run the size of GSM8K's test set.",
  cli: "`cotpot` start-up against starting Node.js with nothing to do.",
};

/** Renders the run as Markdown: per benchmark, each figure, its baseline, the ratio, the target. */
export function renderPerformanceDoc(run: PerformanceRun): string {
  const sections = Object.entries(run.results).map(([name, result]) => section(name, result));
  return [
    "# Performance",
    "",
    "Written by `npm run bench`; do not edit by hand. Every ratio compares two things",
    "measured in the same process in the same run, so it holds on a noisy machine where",
    "the absolute times do not.",
    "",
    `- Machine: ${run.machine}`,
    `- Date: ${run.date.toISOString()}`,
    `- Commit: ${run.commit}`,
    "",
    ...sections,
  ].join("\n");
}

function section(name: string, result: BenchResult): string {
  const rows = result.figures.map((figure) => {
    const ratio = ratioOf(figure);
    const baseline = figure.baseline
      ? `${formatValue(figure.baseline.value, figure.unit)} (${figure.baseline.label})`
      : "";
    const verdict = figure.met === undefined ? "" : figure.met ? " ✓" : " ✗";
    return [
      figure.label,
      formatValue(figure.value, figure.unit),
      baseline,
      ratio === undefined ? "" : `${ratio.toFixed(2)}x`,
      figure.target === undefined ? "" : `${figure.target}${verdict}`,
    ];
  });
  const table = [
    "| figure | ours | baseline | ratio | target |",
    "| --- | ---: | ---: | ---: | --- |",
    ...rows.map((cells) => `| ${cells.join(" | ")} |`),
  ];
  return [
    `## ${name}`,
    "",
    ABOUT[name] ?? "",
    "",
    ...table,
    "",
    `Summary: \`${result.summary}\``,
    "",
  ].join("\n");
}
