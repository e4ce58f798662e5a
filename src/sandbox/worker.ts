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
send({ type: "ready" });

port.on("message", async (request: RunRequest) => {
  try {
    send({ type: "result", id: request.id, result: await engine.run(request.code, request.limits) });
  } catch (error) {
    const { message, stack } = error instanceof Error ? error : new Error(String(error));
    send({ type: "failure", id: request.id, message, ...(stack ? { stack } : {}) });
  }
});

function send(message: WorkerMessage): void {
  port.postMessage(message);
}
