import type { ProgramResult } from "./program-result.js";
import type { SandboxLimits } from "./sandbox-limits.js";

/** The host asks a worker to run one program. */
export interface RunRequest {
  id: number;
  code: string;
  limits: SandboxLimits;
}

/** What a sandbox worker sends the host. */
export type WorkerMessage =
  /** The worker loaded QuickJS and can take programs. */
  | { type: "ready" }
  /** The program with this id finished, one way or another. */
  | { type: "result"; id: number; result: ProgramResult }
  /** The sandbox itself failed while running the program with this id. */
  | { type: "failure"; id: number; message: string };
