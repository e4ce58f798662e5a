export { CotpotError, InvalidOptionError } from "./errors/index.js";
export {
  type CreateSandboxOptions,
  createSandbox,
  DEFAULT_SANDBOX_LIMITS,
  type ProgramError,
  type ProgramErrorKind,
  type ProgramFailure,
  type ProgramResult,
  type ProgramSuccess,
  type RunProgramOptions,
  resolveSandboxLimits,
  runProgram,
  type Sandbox,
  type SandboxLimits,
  type SandboxOptions,
} from "./sandbox/index.js";
