export {
  type Conversation,
  type ConversationOptions,
  conversation,
} from "./conversation.js";
export { type CountTokensOptions, countTokens } from "./count-tokens.js";
export {
  chooseModel,
  DEFAULT_OPENAI_MODEL,
  type DefaultModelOptions,
  defaultModel,
  type ModelChoice,
} from "./default-model.js";
export {
  type GenerateOptions,
  type ResolvedGenerateOptions,
  resolveGenerateOptions,
} from "./generate-options.js";
export { addUsage, type FinishReason, type Generation, type Usage } from "./generation.js";
export type { GenerationStream, LanguageModel } from "./language-model.js";
export type { DownloadProgress } from "./local/load-local-model.js";
export {
  DEFAULT_LOCAL_MODEL,
  type LocalModelOptions,
  localModel,
} from "./local/local-model.js";
export { ModelError, type ModelErrorDetails } from "./model-error.js";
export type { ModelWarning } from "./model-warning.js";
export { type OpenAIModelOptions, openai } from "./openai/openai-model.js";
export {
  SAMPLING_PRESETS,
  type SamplingPreset,
  type SamplingPresetName,
} from "./sampling-presets.js";
