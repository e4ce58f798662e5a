import { createRequire } from "node:module";
import type HandlebarsModule from "handlebars";

let loaded: typeof HandlebarsModule | undefined;

/**
 * Handlebars, loaded on first use: it takes ~60 ms to import, which programs that never
 * render a template should not pay. Its CommonJS build loads synchronously.
 */
export function loadHandlebars(): typeof HandlebarsModule {
  loaded ??= createRequire(import.meta.url)("handlebars") as typeof HandlebarsModule;
  return loaded;
}
