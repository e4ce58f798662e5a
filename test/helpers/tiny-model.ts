import { sharedData } from "./shared-data.js";

/**
 * `../shared/models/llama-2-tiny-random.gguf`: a real GGUF with random weights, for the
 * local backend's mechanics (loading, templating, sampling, seeds, the KV cache), never
 * for judging answers.
 */
export const TINY_MODEL = (() => {
  const { path, missing } = sharedData("../models/llama-2-tiny-random.gguf");
  return { path, missing };
})();
