/** The value below which `share` (0..1) of `samples` fall. */
export function percentile(samples: readonly number[], share: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.floor(share * sorted.length));
  return sorted[index] ?? Number.NaN;
}

/** A short description of the machine, for the record next to the figures. */
export async function describeMachine(): Promise<string> {
  const os = await import("node:os");
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  const memoryGiB = Math.round(os.totalmem() / 2 ** 30);
  return `${cpu}, ${os.availableParallelism()} cores, ${memoryGiB} GiB, Node.js ${process.version}`;
}
