import { Worker } from "node:worker_threads";
import { CotpotError } from "../errors/index.js";
import type { ProgramError, ProgramResult } from "./program-result.js";
import type { SandboxLimits } from "./sandbox-limits.js";
import type { RunRequest, WorkerMessage } from "./worker-protocol.js";

/**
 * How long past its timeout a program may hold a worker before the host terminates it.
 * QuickJS polls its interrupt handler only every ~10k operations and not at all inside
 * some single operations (joining a huge array), so the host keeps this second deadline.
 */
export const KILL_GRACE_MS = 250;

// QuickJS recursion runs on the thread's native stack as WebAssembly frames, about
// 3.5 native bytes per byte QuickJS counts; 24 MB covers the 4 MiB maximum with room.
const WORKER_STACK_MB = 24;

// The worker's own JavaScript heap holds logs and answers on their way to the host.
const WORKER_HEAP_MB = 256;

interface Job {
  code: string;
  limits: SandboxLimits;
  signal: AbortSignal | undefined;
  resolve: (result: ProgramResult) => void;
  reject: (error: unknown) => void;
  onAbort?: () => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job | undefined;
  jobId?: number | undefined;
  startedAt?: number;
  killTimer?: NodeJS.Timeout | undefined;
}

/**
 * A fixed set of sandbox worker threads and a FIFO queue of programs. Each program's
 * deadline starts when a worker takes it, and a worker that overruns it by
 * {@link KILL_GRACE_MS} is terminated and replaced. Idle workers do not keep the
 * process alive.
 */
export class WorkerPool {
  readonly #size: number;
  readonly #warmLimits: SandboxLimits;
  readonly #slots = new Set<Slot>();
  readonly #queue: Job[] = [];
  #nextJobId = 1;
  #disposed = false;

  constructor(size: number, warmLimits: SandboxLimits) {
    this.#size = size;
    this.#warmLimits = warmLimits;
    for (let i = 0; i < size; i++) this.#spawn();
  }

  /** Queues `code`; resolves with its result, or rejects if `signal` aborts first. */
  run(code: string, limits: SandboxLimits, signal?: AbortSignal): Promise<ProgramResult> {
    if (this.#disposed) {
      return Promise.reject(new CotpotError("This sandbox was disposed; create a new one."));
    }
    if (signal?.aborted) return Promise.reject(signal.reason);

    return new Promise((resolve, reject) => {
      const job: Job = { code, limits, signal, resolve, reject };
      this.#watchAbort(job);
      this.#queue.push(job);
      this.#refill();
      this.#pump();
    });
  }

  /** Terminates every worker; programs still queued or running are rejected. */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;

    const error = new CotpotError("The sandbox was disposed before the program finished.");
    for (const job of this.#queue.splice(0)) this.#settle(job, () => job.reject(error));

    const exits = [...this.#slots].map((slot) => {
      if (slot.job) this.#release(slot, (job) => job.reject(error));
      return slot.worker.terminate();
    });
    this.#slots.clear();
    await Promise.all(exits);
  }

  #spawn(): void {
    const entry = workerEntry();
    const worker = new Worker(entry.source, {
      eval: entry.eval,
      workerData: { limits: this.#warmLimits },
      resourceLimits: { stackSizeMb: WORKER_STACK_MB, maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const slot: Slot = { worker, ready: false };
    this.#slots.add(slot);

    worker.on("message", (message: WorkerMessage) => this.#onMessage(slot, message));
    worker.on("error", (error) => this.#onWorkerLost(slot, error));
    worker.on("exit", (code) => this.#onWorkerLost(slot, new Error(`exit code ${code}`)));
    this.#updateRef(slot);
  }

  #onMessage(slot: Slot, message: WorkerMessage): void {
    if (message.type === "ready") {
      slot.ready = true;
      this.#pump();
      return;
    }
    if (message.id !== slot.jobId) return;

    if (message.type === "result") {
      this.#release(slot, (job) => job.resolve(message.result));
    } else {
      const error = new CotpotError(`The sandbox failed: ${message.message}`);
      this.#release(slot, (job) => job.reject(error));
    }
    this.#pump();
  }

  /** A worker died: out of heap, a crash, or a failure to start. */
  #onWorkerLost(slot: Slot, error: Error): void {
    if (!this.#slots.has(slot)) return;
    if (!slot.ready && !slot.job) {
      this.#slots.delete(slot);
      this.#failQueue(error);
      return;
    }

    const failure = lostWorkerFailure(error);
    this.#replace(slot, (job) => job.resolve(failedResult(failure, slot)));
  }

  /** Terminates a worker whose program overran its deadline. */
  #kill(slot: Slot): void {
    const timeoutMs = slot.job?.limits.timeoutMs;
    const failure: ProgramError = {
      kind: "timeout",
      message: `interrupted: the program ran longer than ${timeoutMs} ms (timeoutMs) and its worker was terminated`,
    };
    this.#replace(slot, (job) => job.resolve(failedResult(failure, slot)));
  }

  /**
   * Terminates the slot's worker, settles its job with `finish` and starts a new worker
   * in its place.
   */
  #replace(slot: Slot, finish: (job: Job) => void): void {
    if (!this.#slots.delete(slot)) return;
    void slot.worker.terminate();

    this.#release(slot, finish);
    this.#refill();
    this.#pump();
  }

  #pump(): void {
    for (const slot of this.#slots) {
      if (!slot.ready || slot.job) continue;
      const job = this.#queue.shift();
      if (!job) break;
      this.#dispatch(slot, job);
    }
    for (const slot of this.#slots) this.#updateRef(slot);
  }

  #dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    slot.jobId = this.#nextJobId++;
    slot.startedAt = performance.now();
    slot.killTimer = setTimeout(() => this.#kill(slot), job.limits.timeoutMs + KILL_GRACE_MS);

    const request: RunRequest = { id: slot.jobId, code: job.code, limits: job.limits };
    slot.worker.postMessage(request);
  }

  /** Detaches the slot's job and settles it with `finish`. */
  #release(slot: Slot, finish: (job: Job) => void): void {
    const job = slot.job;
    clearTimeout(slot.killTimer);
    slot.job = undefined;
    slot.jobId = undefined;
    slot.killTimer = undefined;
    if (job) this.#settle(job, () => finish(job));
  }

  #settle(job: Job, finish: () => void): void {
    if (job.onAbort) job.signal?.removeEventListener("abort", job.onAbort);
    finish();
  }

  #watchAbort(job: Job): void {
    if (!job.signal) return;
    job.onAbort = () => this.#abort(job);
    job.signal.addEventListener("abort", job.onAbort, { once: true });
  }

  #abort(job: Job): void {
    const queued = this.#queue.indexOf(job);
    if (queued >= 0) {
      this.#queue.splice(queued, 1);
      job.reject(job.signal?.reason);
      return;
    }

    const slot = [...this.#slots].find((candidate) => candidate.job === job);
    if (slot) this.#replace(slot, () => job.reject(job.signal?.reason));
  }

  #refill(): void {
    while (!this.#disposed && this.#slots.size < this.#size) this.#spawn();
  }

  #failQueue(cause: Error): void {
    const error = new CotpotError(`A sandbox worker failed to start: ${cause.message}`, { cause });
    for (const job of this.#queue.splice(0)) this.#settle(job, () => job.reject(error));
  }

  /** Busy workers, and workers the queue waits for, keep the process alive; idle ones not. */
  #updateRef(slot: Slot): void {
    const needed = slot.job !== undefined || (!slot.ready && this.#queue.length > 0);
    if (needed) slot.worker.ref();
    else slot.worker.unref();
  }
}

function failedResult(error: ProgramError, slot: Slot): ProgramResult {
  const durationMs = slot.startedAt === undefined ? 0 : performance.now() - slot.startedAt;
  return { ok: false, error, logs: [], durationMs };
}

function lostWorkerFailure(error: Error): ProgramError {
  if ("code" in error && error.code === "ERR_WORKER_OUT_OF_MEMORY") {
    const message =
      "out of memory: the program's output was too large for the sandbox worker's heap";
    return { kind: "memory", message };
  }
  return { kind: "runtime", message: `The sandbox worker stopped unexpectedly: ${error.message}` };
}

/**
 * How to start a worker. Built, its code is `worker.js` beside this file. Run from the
 * TypeScript sources (tests, benchmarks), it is `worker.ts`, which the worker imports
 * after registering tsx's loader, since Node.js 20 cannot load TypeScript itself.
 */
function workerEntry(): { source: URL | string; eval: boolean } {
  if (!import.meta.url.endsWith(".ts")) {
    return { source: new URL("./worker.js", import.meta.url), eval: false };
  }
  const entry = JSON.stringify(new URL("./worker.ts", import.meta.url).href);
  const source = `import("tsx/esm/api").then(({ register }) => { register(); return import(${entry}); });`;
  return { source, eval: true };
}
