import { parentPort, workerData } from "node:worker_threads";
import { createEngine } from "./engine.js";
import type { SandboxLimits } from "./sandbox-limits.js";
import type { RunRequest, WorkerMessage } from "./worker-protocol.js";

// The entry point of a sandbox worker thread: it runs one program at a time for the
// host's worker pool, which terminates this thread if a program outlives its deadline.

if (!parentPort) throw new Error("The cotpot sandbox worker must run in a worker thread.");
const port = parentPort;
const engine = createEngine();

// One program at start-up loads QuickJS and lets the JIT see the hot paths, so the
// first real program is not the slow one.
await engine.run("0", workerData.limits as SandboxLimits);
engine.tidy();
send({ type: "ready" });

port.on("message", async (request: RunRequest) => {
  send(await handle(request));
  // Free the program's runtime and prepare the next one once this turn of the event
  // loop has let the result go; a request that comes first does it itself.
  setImmediate(engine.tidy);
});

async function handle(request: RunRequest): Promise<WorkerMessage> {
  try {
    const result = await engine.run(request.code, request.limits);
    return { type: "result", id: request.id, result };
  } catch (error) {
    return { type: "failure", id: request.id, message: describe(error) };
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message} ${error.cause.message}` : error.message;
}

function send(message: WorkerMessage): void {
  port.postMessage(message);
}
