export {
  type CreateSandboxOptions,
  createSandbox,
  type RunProgramOptions,
  type Sandbox,
} from "./create-sandbox.js";
export type {
  ProgramError,
  ProgramErrorKind,
  ProgramFailure,
  ProgramResult,
  ProgramSuccess,
} from "./program-result.js";
export { runProgram } from "./run-program.js";
export {
  DEFAULT_SANDBOX_LIMITS,
  type LimitRange,
  resolveSandboxLimits,
  SANDBOX_LIMIT_RANGES,
  type SandboxLimits,
  type SandboxOptions,
} from "./sandbox-limits.js";
