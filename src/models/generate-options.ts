import { InvalidOptionError } from "../errors/index.js";
import { SAMPLING_PRESETS, type SamplingPresetName } from "./sampling-presets.js";

/** How to sample and how long to wait, for one model call. */
export interface GenerateOptions {
  /** Start from a named preset (`precise`, `balanced`, `creative`); options given override it. */
  preset?: SamplingPresetName;
  /** Divides the log-probabilities before sampling: 0 is greedy, 1 the model's own, up to 2. */
  temperature?: number;
  /** Keeps the smallest set of likeliest tokens whose probabilities sum to at least this. */
  topP?: number;
  /** Keeps only the k likeliest tokens. */
  topK?: number;
  /** Drops tokens less likely than this share of the likeliest one's probability. */
  minP?: number;
  /** Makes sampling reproducible where the backend supports it. */
  seed?: number;
  /** The most tokens to generate per choice. */
  maxTokens?: number;
  /** Text at which generation stops; the stop text is not included. */
  stop?: string | readonly string[];
  /** How many choices to sample for the same prompt. */
  n?: number;
  /** Aborting it stops the call at once; the call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** How long one attempt may take, in milliseconds. */
  timeoutMs?: number;
  /** How many times a failed call is retried when retrying may help. */
  maxRetries?: number;
}

/** {@link GenerateOptions} checked, with the preset applied and `stop` as a list. */
export type ResolvedGenerateOptions = Omit<GenerateOptions, "preset" | "stop"> & {
  stop: readonly string[];
  n: number;
};

interface NumberRule {
  check: (value: number) => boolean;
  expected: string;
}

const RULES: Record<string, NumberRule> = {
  temperature: { check: (v) => v >= 0 && v <= 2, expected: "a number from 0 to 2" },
  topP: { check: (v) => v > 0 && v <= 1, expected: "a number greater than 0 and at most 1" },
  topK: { check: (v) => Number.isInteger(v) && v >= 1, expected: "a whole number of at least 1" },
  minP: { check: (v) => v >= 0 && v < 1, expected: "a number from 0 up to (not including) 1" },
  seed: { check: Number.isSafeInteger, expected: "a whole number" },
  maxTokens: {
    check: (v) => Number.isInteger(v) && v >= 1,
    expected: "a whole number of at least 1",
  },
  n: {
    check: (v) => Number.isInteger(v) && v >= 1 && v <= 128,
    expected: "a whole number from 1 to 128",
  },
  timeoutMs: {
    check: (v) => Number.isInteger(v) && v >= 1,
    expected: "a whole number of milliseconds, at least 1",
  },
  maxRetries: {
    check: (v) => Number.isInteger(v) && v >= 0 && v <= 10,
    expected: "a whole number from 0 to 10",
  },
};

const OTHER_OPTIONS = ["preset", "stop", "signal"];
const KNOWN = [...Object.keys(RULES), ...OTHER_OPTIONS];

/**
 * Checks `options` (over `defaults`) before anything is sent, and applies the preset.
 *
 * @throws {InvalidOptionError} naming the option, the value and what is allowed; an
 * unknown option (`top_p`) is named too, with the options there are.
 */
export function resolveGenerateOptions(
  options: GenerateOptions = {},
  defaults: GenerateOptions = {},
): ResolvedGenerateOptions {
  checkKeys(options);
  const merged = { ...defaults, ...options };
  const preset = presetOf(merged.preset);
  const { preset: _preset, stop, ...rest } = { ...preset, ...withoutUndefined(merged) };

  for (const [name, value] of Object.entries(rest)) {
    const rule = RULES[name];
    if (!rule || value === undefined) continue;
    if (typeof value !== "number" || Number.isNaN(value) || !rule.check(value)) {
      throw new InvalidOptionError(name, value, rule.expected);
    }
  }
  if (rest.signal !== undefined && !(rest.signal instanceof AbortSignal)) {
    throw new InvalidOptionError("signal", rest.signal, "an AbortSignal");
  }

  return { ...rest, n: rest.n ?? 1, stop: stopList(stop) };
}

function checkKeys(options: GenerateOptions): void {
  for (const key of Object.keys(options)) {
    if (!KNOWN.includes(key)) {
      throw new InvalidOptionError(
        "options",
        key,
        `one of ${KNOWN.join(", ")} (an unknown option was given)`,
      );
    }
  }
}

function presetOf(name: unknown): GenerateOptions {
  if (name === undefined) return {};
  if (typeof name === "string" && name in SAMPLING_PRESETS) {
    return SAMPLING_PRESETS[name as SamplingPresetName];
  }
  throw new InvalidOptionError(
    "preset",
    name,
    `one of ${Object.keys(SAMPLING_PRESETS).join(", ")}`,
  );
}

function stopList(stop: unknown): readonly string[] {
  if (stop === undefined) return [];
  const list = typeof stop === "string" ? [stop] : stop;
  if (!Array.isArray(list) || !list.every((item) => typeof item === "string" && item !== "")) {
    throw new InvalidOptionError("stop", stop, "a non-empty string or a list of them");
  }
  return list;
}

function withoutUndefined<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
