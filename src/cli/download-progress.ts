import { createRequire } from "node:module";
import type { SingleBar } from "cli-progress";
import type { DownloadProgress } from "../models/index.js";

const MIB = 1024 * 1024;

/**
 * A handler for `onDownloadProgress` that draws a progress bar on standard error (on a
 * terminal), or writes a line every tenth of the way (in a log).
 */
export function downloadProgress(): (progress: DownloadProgress) => void {
  let bar: SingleBar | undefined;
  let lastTenth = -1;

  return ({ model, downloadedBytes, totalBytes }) => {
    const total = Math.max(1, Math.round(totalBytes / MIB));
    const done = Math.round(downloadedBytes / MIB);

    if (process.stderr.isTTY) {
      bar ??= startBar(model, total);
      bar.update(done);
      if (downloadedBytes >= totalBytes) bar.stop();
      return;
    }
    const tenth = Math.floor((downloadedBytes / Math.max(1, totalBytes)) * 10);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      process.stderr.write(`Downloading ${model}: ${done} of ${total} MiB\n`);
    }
  };
}

function startBar(model: string, totalMiB: number): SingleBar {
  const { SingleBar, Presets } = createRequire(import.meta.url)(
    "cli-progress",
  ) as typeof import("cli-progress");
  const bar = new SingleBar(
    {
      format: `Downloading ${model} [{bar}] {percentage}% | {value}/{total} MiB | ETA {eta_formatted}`,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  bar.start(totalMiB, 0);
  return bar;
}
