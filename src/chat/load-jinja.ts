import { createRequire } from "node:module";
import type * as Jinja from "@huggingface/jinja";

let loaded: typeof Jinja | undefined;

/**
 * `@huggingface/jinja`, loaded when a Jinja chat format is first made, so that users of
 * the built-in formats never pay for it. Its CommonJS build loads synchronously.
 */
export function loadJinja(): typeof Jinja {
  loaded ??= createRequire(import.meta.url)("@huggingface/jinja") as typeof Jinja;
  return loaded;
}
