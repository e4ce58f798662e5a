import { fileURLToPath } from "node:url";
import { type CompiledTemplate, compileTemplate } from "./compile-template.js";
import { loadTemplateFiles, type TemplateFile } from "./load-template-files.js";
import { UnknownTemplateError } from "./unknown-template-error.js";

/** Options for {@link createTemplates}. */
export interface TemplatesOptions {
  /**
   * Folders of `.hbs` files to load after cotpot's own; a file here replaces the
   * built-in one of the same name, and later folders win over earlier ones.
   */
  directories?: readonly string[];
}

/** The variables a template is rendered with. */
export type TemplateVariables = Record<string, unknown>;

/** A set of loaded templates, each usable on its own and as a partial of the others. */
export interface Templates {
  /**
   * Renders the template `name` (`roles/math-teacher`) with `variables`.
   *
   * @throws {UnknownTemplateError} for a name no file has; the error lists those that exist.
   * @throws {TemplateSyntaxError} when the template (or a partial it uses) does not parse.
   * @throws {MissingVariableError} when it uses a variable that was not given.
   * @throws {TemplateError} when a helper is given the wrong kind of value.
   */
  render(name: string, variables?: TemplateVariables): string;
  /** Whether a template of this name is loaded. */
  has(name: string): boolean;
  /** The loaded template's file: its path and text. */
  file(name: string): TemplateFile;
  /** Every template name, sorted. */
  readonly names: readonly string[];
}

/** cotpot's own templates, beside `src/` (and `dist/`) in the package. */
export const BUILT_IN_TEMPLATES = fileURLToPath(new URL("../../templates/", import.meta.url));

/**
 * Loads cotpot's templates and those in `directories` (Handlebars `.hbs` files), and
 * returns a renderer for them. Each template compiles on first use and is cached, so a
 * later render is a function call. Any template is also a partial: `{{> roles/tutor}}`.
 *
 * Rendering is for prompts, not HTML: nothing is escaped, so `'`, `<`, `&` and `"` come
 * out as written. It is strict: a variable that was not given is an error naming it, the
 * template, the line and the variables that were given; write a part that may be absent
 * inside `{{#if name}}`. Values are text and never templates: a value containing `{{x}}`
 * renders as `{{x}}`. To write a literal `{{` in a template, write `\{{`.
 *
 * @throws {InvalidOptionError} when a directory does not exist.
 * @example
 * ```ts
 * const templates = createTemplates({ directories: ["./prompts"] });
 * templates.render("roles/math-teacher", { level: "high school" });
 * ```
 */
export function createTemplates(options: TemplatesOptions = {}): Templates {
  const files = loadTemplateFiles([BUILT_IN_TEMPLATES, ...(options.directories ?? [])]);
  const names = [...files.keys()].sort();
  const compiled = new Map<string, CompiledTemplate>();

  function fileOf(name: string, usedIn?: string): TemplateFile {
    const file = files.get(name);
    if (!file) throw new UnknownTemplateError(name, names, usedIn);
    return file;
  }

  function compiledTemplate(name: string, usedIn?: string): CompiledTemplate {
    let template = compiled.get(name);
    if (!template) {
      template = compileTemplate(fileOf(name, usedIn), compiledTemplate);
      compiled.set(name, template);
    }
    return template;
  }

  return {
    render: (name, variables = {}) => compiledTemplate(name)(variables),
    has: (name) => files.has(name),
    file: (name) => fileOf(name),
    names,
  };
}
