import type {} from "handlebars";
import type { DataFrame, RendererRuntime } from "./compile-template.js";
import { TEMPLATE_HELPERS } from "./template-helpers.js";

/** The function a template compiles to. */
export type Renderer = (context: unknown, data: DataFrame, runtime: RendererRuntime) => string;

/** Builds the error for a node the generator cannot compile. */
export type Unsupported = (node: hbs.AST.Node, reason: string) => Error;

type Node = hbs.AST.Node;
type Expression = hbs.AST.Expression;
type PathExpression = hbs.AST.PathExpression;

/** What is in scope at a point of the template: its context and `#each` data. */
interface Frame {
  context: string;
  index?: string;
  first?: string;
  last?: string;
  key?: string;
  params: Map<string, string>;
}

const BLOCKS = ["each", "if", "unless", "with"];

// Helpers simple enough to write as JavaScript operators, so conditions such as
// {{#if (eq role "user")}} cost no call.
const OPERATORS: Record<string, (args: string[]) => string> = {
  eq: ([left, right]) => `(${left} === ${right})`,
  ne: ([left, right]) => `(${left} !== ${right})`,
  not: ([value]) => `!rt.truthy(${value})`,
  and: (args) => `(${args.map((arg) => `rt.truthy(${arg})`).join(" && ")})`,
  or: (args) => `(${args.map((arg) => `rt.truthy(${arg})`).join(" || ")})`,
};

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Generates the JavaScript of a template's renderer from its Handlebars syntax tree.
 * Text and names from the template only ever appear as JSON string literals; nodes
 * that errors must point at are kept in `nodes` and referred to by index.
 */
export function generateRenderer(
  program: hbs.AST.Program,
  nodes: Node[],
  unsupported: Unsupported,
): Renderer {
  const generator = new RendererGenerator(nodes, unsupported);
  const top: Frame = { context: "c0", params: new Map() };
  const body = `let o = "", t, v;\n${generator.statements(program, [top])}return o;`;
  return new Function("c0", "d", "rt", body) as Renderer;
}

class RendererGenerator {
  private counter = 0;

  constructor(
    private readonly nodes: Node[],
    private readonly unsupported: Unsupported,
  ) {}

  statements(program: hbs.AST.Program | undefined, frames: Frame[]): string {
    let code = "";
    for (const node of program?.body ?? []) code += this.statement(node, frames);
    return code;
  }

  private statement(node: Node, frames: Frame[]): string {
    switch (node.type) {
      case "ContentStatement":
        return `o += ${JSON.stringify((node as hbs.AST.ContentStatement).value)};\n`;
      case "CommentStatement":
        return "";
      case "MustacheStatement": {
        const mustache = node as hbs.AST.MustacheStatement;
        const value = this.call(mustache.path, mustache.params, mustache.hash, node, frames);
        return this.write(value, mustache.path);
      }
      case "BlockStatement":
        return this.block(node as hbs.AST.BlockStatement, frames);
      case "PartialStatement":
        return this.partial(node as hbs.AST.PartialStatement, frames);
      default:
        throw this.unsupported(node, `${node.type} is not supported in cotpot templates`);
    }
  }

  private write(value: string, node: Node): string {
    return `v = ${value};\no += typeof v === "string" ? v : rt.text(v, ${this.ref(node)});\n`;
  }

  private block(node: hbs.AST.BlockStatement, frames: Frame[]): string {
    const name = node.path.original;
    if (name === "if" || name === "unless") {
      const condition = this.condition(node, frames);
      const negate = name === "unless" ? "!" : "";
      const body = this.statements(node.program, frames);
      const otherwise = this.statements(node.inverse, frames);
      return `if (${negate}rt.truthy(${condition})) {\n${body}} else {\n${otherwise}}\n`;
    }
    if (name === "each") return this.each(node, frames);
    if (name === "with") return this.with(node, frames);
    return this.blockHelper(node, frames);
  }

  private each(node: hbs.AST.BlockStatement, frames: Frame[]): string {
    const list = this.argument(node, frames);
    const n = ++this.counter;
    const [item, index, keys, count, context] = ["l", "i", "k", "n", "c"].map(
      (name) => `${name}${n}`,
    );
    const key = `(${keys} === null ? ${index} : ${keys}[${index}])`;
    const frame: Frame = {
      context: context as string,
      index: index as string,
      first: `(${index} === 0)`,
      last: `(${index} === ${count} - 1)`,
      key,
      params: blockParams(node, [context as string, key]),
    };

    return (
      `v = ${list};\nif (v === undefined) rt.missing(${this.ref(node.params[0] ?? node)}, d);\n{\n` +
      `const ${item} = v;\n` +
      `const ${keys} = Array.isArray(${item}) ? null : ${item} !== null && typeof ${item} === "object" ? Object.keys(${item}) : [];\n` +
      `const ${count} = ${keys} === null ? ${item}.length : ${keys}.length;\n` +
      `for (let ${index} = 0; ${index} < ${count}; ${index}++) {\n` +
      `const ${context} = ${keys} === null ? ${item}[${index}] : ${item}[${keys}[${index}]];\n` +
      `${this.statements(node.program, [...frames, frame])}}\n` +
      `if (${count} === 0) {\n${this.statements(node.inverse, frames)}}\n}\n`
    );
  }

  private with(node: hbs.AST.BlockStatement, frames: Frame[]): string {
    const value = this.argument(node, frames);
    const context = `c${++this.counter}`;
    const frame: Frame = { context, params: blockParams(node, [context]) };
    const body = this.statements(node.program, [...frames, frame]);
    const otherwise = this.statements(node.inverse, frames);
    return `v = ${value};\nif (rt.truthy(v)) {\nconst ${context} = v;\n${body}} else {\n${otherwise}}\n`;
  }

  /** A helper used as a block (`{{#trim}}...{{/trim}}`): it gets the body rendered. */
  private blockHelper(node: hbs.AST.BlockStatement, frames: Frame[]): string {
    const name = node.path.original;
    this.helperName(name, node);
    const args = node.params.map((param) => this.expression(param, frames, true)).join(", ");
    const body = `() => {\nlet o = "", t, v;\n${this.statements(node.program, frames)}return o;\n}`;
    const call = `rt.call(${JSON.stringify(name)}, ${this.ref(node)}, [${args}], ${this.hash(node.hash, frames)}, ${body})`;
    return this.write(call, node.path);
  }

  private partial(node: hbs.AST.PartialStatement, frames: Frame[]): string {
    if (node.name.type !== "PathExpression") {
      throw this.unsupported(node, "a partial's name must be written out, not computed");
    }
    const name = JSON.stringify((node.name as PathExpression).original);
    const param = node.params[0];
    const context = param ? this.expression(param, frames, true) : innermost(frames).context;
    const hash = node.hash?.pairs.length ? this.hash(node.hash, frames) : "undefined";
    const rendered = `rt.partial(${name}, ${context}, ${hash}, d)`;

    // A standalone partial is indented by its tag's indent, line by line, as in Handlebars.
    const indent = node.indent ? `.replace(/^(?=.)/gm, ${JSON.stringify(node.indent)})` : "";
    return `o += ${rendered}${indent};\n`;
  }

  /** A value: a helper call, a variable, or a literal. */
  private call(
    path: Expression,
    params: Expression[],
    hash: hbs.AST.Hash | undefined,
    node: Node,
    frames: Frame[],
  ): string {
    const name = path.type === "PathExpression" ? (path as PathExpression).original : "";
    const hasArguments = params.length > 0 || (hash?.pairs.length ?? 0) > 0;
    if (!hasArguments) return this.expression(path, frames, true);

    this.helperName(name, node);
    const args = params.map((param) => this.expression(param, frames, true));
    const operator = OPERATORS[name];
    if (operator && !hash?.pairs.length) return operator(args);
    return `rt.call(${JSON.stringify(name)}, ${this.ref(node)}, [${args.join(", ")}], ${this.hash(hash, frames)})`;
  }

  private hash(hash: hbs.AST.Hash | undefined, frames: Frame[]): string {
    const pairs = (hash?.pairs ?? []).map(
      (pair) => `${JSON.stringify(pair.key)}: ${this.expression(pair.value, frames, true)}`,
    );
    return `{${pairs.join(", ")}}`;
  }

  /** An `#if` condition: a missing variable is false, not an error. */
  private condition(node: hbs.AST.BlockStatement, frames: Frame[]): string {
    const [condition] = node.params;
    if (!condition) throw this.unsupported(node, `{{#${node.path.original}}} needs a condition`);
    return this.expression(condition, frames, false);
  }

  /** A block's argument: strict, since a block over a missing value is a mistake. */
  private argument(node: hbs.AST.BlockStatement, frames: Frame[]): string {
    const [argument] = node.params;
    if (!argument) throw this.unsupported(node, `{{#${node.path.original}}} needs an argument`);
    return this.expression(argument, frames, true);
  }

  private expression(expression: Expression, frames: Frame[], strict: boolean): string {
    switch (expression.type) {
      case "PathExpression":
        return this.path(expression as PathExpression, frames, strict);
      case "SubExpression": {
        const sub = expression as hbs.AST.SubExpression;
        return this.call(sub.path, sub.params, sub.hash, sub, frames);
      }
      case "StringLiteral":
        return JSON.stringify((expression as hbs.AST.StringLiteral).value);
      case "NumberLiteral":
      case "BooleanLiteral":
        return String((expression as hbs.AST.NumberLiteral).value);
      case "UndefinedLiteral":
        return "undefined";
      case "NullLiteral":
        return "null";
      default:
        throw this.unsupported(expression, `${expression.type} is not supported here`);
    }
  }

  private path(path: PathExpression, frames: Frame[], strict: boolean): string {
    const onMissing = strict ? `rt.missing(${this.ref(path)}, d)` : "undefined";
    const [head, ...rest] = path.parts;

    if (path.data) {
      if (head === "root") return access("d.root", rest, onMissing);
      if (!isLoopData(head)) return onMissing;
      const frame = [...frames].reverse().find((candidate) => candidate[head] !== undefined);
      const value = frame?.[head];
      return value === undefined ? onMissing : access(value, rest, onMissing);
    }

    const param = head === undefined || path.depth > 0 ? undefined : blockParam(frames, head);
    if (param !== undefined) return access(param, rest, onMissing);

    const frame = frames[Math.max(0, frames.length - 1 - path.depth)] as Frame;
    return access(frame.context, path.parts, onMissing);
  }

  private helperName(name: string, node: Node): void {
    if (name in TEMPLATE_HELPERS) return;
    const helpers = Object.keys(TEMPLATE_HELPERS).join(", ");
    throw this.unsupported(
      node,
      `unknown helper '${name}'. Helpers: ${helpers}; blocks: ${BLOCKS.join(", ")}`,
    );
  }

  private ref(node: Node): number {
    this.nodes.push(node);
    return this.nodes.length - 1;
  }
}

/**
 * Reads `parts` below `base`, one step at a time, each step checked: a missing step
 * evaluates `onMissing` (an error, or `undefined` in a condition).
 */
function access(base: string, parts: readonly string[], onMissing: string): string {
  const [part, ...rest] = parts;
  if (part === undefined) return base;

  const key = JSON.stringify(part);
  const holder = `(t = ${base}) !== null && (typeof t === "object" || typeof t === "function")`;
  // Every object inherits `constructor`, `toString` and the like; only a value's own
  // property of such a name counts as given.
  const present = part in Object.prototype ? `Object.hasOwn(t, ${key})` : `${key} in t`;
  const property = IDENTIFIER.test(part) ? `t.${part}` : `t[${key}]`;
  return `(${holder} && ${present} ? ${access(property, rest, onMissing)} : ${onMissing})`;
}

const LOOP_DATA = ["index", "first", "last", "key"] as const;

/** Whether `@name` is one of the values `#each` provides. */
function isLoopData(name: string | undefined): name is (typeof LOOP_DATA)[number] {
  return (LOOP_DATA as readonly (string | undefined)[]).includes(name);
}

function innermost(frames: Frame[]): Frame {
  return frames[frames.length - 1] as Frame;
}

function blockParam(frames: Frame[], name: string): string | undefined {
  for (let index = frames.length - 1; index >= 0; index--) {
    const value = frames[index]?.params.get(name);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** `{{#each items as |item key|}}`: the names bound to what the block provides. */
function blockParams(node: hbs.AST.BlockStatement, values: string[]): Map<string, string> {
  const names = node.program?.blockParams ?? [];
  return new Map(names.flatMap((name, index) => (values[index] ? [[name, values[index]]] : [])));
}
