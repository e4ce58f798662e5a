export { CotpotError, InvalidOptionError } from "./errors/index.js";
export {
  type CreateSandboxOptions,
  createSandbox,
  DEFAULT_SANDBOX_LIMITS,
  type LimitRange,
  type ProgramError,
  type ProgramErrorKind,
  type ProgramFailure,
  type ProgramResult,
  type ProgramSuccess,
  type RunProgramOptions,
  resolveSandboxLimits,
  runProgram,
  SANDBOX_LIMIT_RANGES,
  type Sandbox,
  type SandboxLimits,
  type SandboxOptions,
} from "./sandbox/index.js";
