import type {} from "handlebars";
import { generateRenderer } from "./generate-renderer.js";
import { loadHandlebars } from "./load-handlebars.js";
import { locateSyntaxError } from "./locate-syntax-error.js";
import { MissingVariableError } from "./missing-variable-error.js";
import { TemplateError, type TemplateLocation } from "./template-error.js";
import { type Helper, HelperFailure, isTruthy, TEMPLATE_HELPERS } from "./template-helpers.js";
import { TemplateSyntaxError } from "./template-syntax-error.js";

/** A template's text and where it came from. */
export interface TemplateSource {
  name: string;
  path?: string;
  source: string;
}

/** Finds the compiled template a partial names, for the template `usedIn`. */
export type PartialResolver = (name: string, usedIn: string) => CompiledTemplate;

/** The values `@root` reads, passed on to partials. */
export interface DataFrame {
  root: unknown;
}

/** A compiled template: renders a context (and, inside a partial, its caller's data). */
export type CompiledTemplate = (context: unknown, data?: DataFrame) => string;

/**
 * What generated renderers call back into: errors that name the template and line, the
 * helpers, and partials. Nodes are referred to by their index in `nodes`.
 */
export interface RendererRuntime {
  missing(node: number, data: DataFrame): never;
  text(value: unknown, node: number): string;
  truthy(value: unknown): boolean;
  call(
    name: string,
    node: number,
    args: unknown[],
    hash: Record<string, unknown>,
    block?: () => string,
  ): unknown;
  partial(name: string, context: unknown, hash: object | undefined, data: DataFrame): string;
}

/**
 * Compiles a Handlebars template into a JavaScript function that builds the prompt by
 * concatenation. Handlebars' own parser reads the template, so its syntax, whitespace
 * control and standalone-line rules are Handlebars'; rendering is cotpot's: prompts are
 * never escaped, every variable must exist (a part that may be absent goes in
 * `{{#if}}`), and every error names the template, line, column and variable. Only the
 * template's structure becomes code; its text and every name in it are written as
 * string literals, and the variables a template is given are data, never code.
 *
 * @throws {TemplateSyntaxError} when the template does not parse, or uses a helper or
 * construct cotpot does not provide.
 */
export function compileTemplate(file: TemplateSource, partials: PartialResolver): CompiledTemplate {
  const program = parse(file);
  const nodes: hbs.AST.Node[] = [];
  const render = generateRenderer(program, nodes, (node, reason) =>
    unsupported(file, node, reason),
  );
  const runtime = rendererRuntime(file, nodes, partials);

  return (context, data) => render(context, data ?? { root: context }, runtime);
}

function parse(file: TemplateSource): hbs.AST.Program {
  try {
    return loadHandlebars().parse(file.source);
  } catch (error) {
    const { line, column, reason, braces } = locateSyntaxError(file.source, error as Error);
    const location = { template: file.name, file: file.path, line, column };
    throw new TemplateSyntaxError(location, reason, file.source.split("\n")[line - 1], braces);
  }
}

function rendererRuntime(
  file: TemplateSource,
  nodes: hbs.AST.Node[],
  partials: PartialResolver,
): RendererRuntime {
  const where = (node: number) => locationOf(file, nodes[node]);
  const resolved = new Map<string, CompiledTemplate>();

  return {
    missing(node, data) {
      const path = nodes[node] as hbs.AST.PathExpression | undefined;
      const root = data.root;
      const given = root !== null && typeof root === "object" ? Object.keys(root) : [];
      throw new MissingVariableError(where(node), path?.original ?? "?", given);
    },
    text: (value, node) => writable(value, where(node), nodes[node]),
    truthy: isTruthy,
    call(name, node, args, hash, block) {
      const helper = TEMPLATE_HELPERS[name] as Helper;
      try {
        return helper(block ? { args, hash, block } : { args, hash });
      } catch (error) {
        if (!(error instanceof HelperFailure)) throw error;
        throw new TemplateError(where(node), error.message);
      }
    },
    partial(name, context, hash, data) {
      let partial = resolved.get(name);
      if (!partial) {
        partial = partials(name, file.name);
        resolved.set(name, partial);
      }
      return partial(hash ? { ...(context as object), ...hash } : context, data);
    },
  };
}

/** How a value is written into the prompt: text as is, never an object by accident. */
function writable(
  value: unknown,
  location: TemplateLocation,
  node: hbs.AST.Node | undefined,
): string {
  if (typeof value === "string") return value;
  if (value === undefined || value === null) return "";
  if (typeof value !== "object" && typeof value !== "function") return String(value);

  const written = (node as hbs.AST.PathExpression | undefined)?.original ?? "value";
  const list = Array.isArray(value);
  const advice = list
    ? `{{join ${written}}}, {{numbered ${written}}} or {{json ${written}}}`
    : `{{json ${written}}}`;
  throw new TemplateError(
    location,
    `{{${written}}} is ${list ? "a list" : "an object"}; write it with ${advice}`,
  );
}

function unsupported(
  file: TemplateSource,
  node: hbs.AST.Node,
  reason: string,
): TemplateSyntaxError {
  const location = locationOf(file, node);
  const sourceLine = file.source.split("\n")[(location.line ?? 1) - 1];
  return new TemplateSyntaxError(location, reason, sourceLine);
}

function locationOf(file: TemplateSource, node: hbs.AST.Node | undefined): TemplateLocation {
  const start = node?.loc?.start;
  return {
    template: file.name,
    file: file.path,
    line: start?.line,
    column: start === undefined ? undefined : start.column + 1,
  };
}
