/** The sampling options a preset sets. */
export interface SamplingPreset {
  temperature: number;
  topP: number;
  topK?: number;
}

/**
 * Named sampling settings for the common cases.
 *
 * - `precise`: temperature 0, so each step takes the likeliest token. For answers that
 *   must be right and reproducible; strategies use it unless told otherwise.
 * - `balanced`: temperature 0.7 with top-p 0.95: varied wording around the likely
 *   answer. Self-consistency samples at this temperature, as in the method's paper.
 * - `creative`: temperature 1.0, top-p 0.95 and top-k 50: the model's own distribution,
 *   trimmed of its long tail. For diverse samples and brainstorming, not for answers.
 */
export const SAMPLING_PRESETS = Object.freeze({
  precise: Object.freeze({ temperature: 0, topP: 1 }),
  balanced: Object.freeze({ temperature: 0.7, topP: 0.95 }),
  creative: Object.freeze({ temperature: 1, topP: 0.95, topK: 50 }),
} satisfies Record<string, SamplingPreset>);

/** A preset's name. */
export type SamplingPresetName = keyof typeof SAMPLING_PRESETS;
