import { readFile } from "node:fs/promises";
import { text } from "node:stream/consumers";
import { builtInChatFormat, type ChatMessage, chatFormats, renderChat } from "../chat/index.js";
import { createTemplates, type Templates, type TemplateVariables } from "../templates/index.js";
import { UsageError } from "./usage-error.js";

/** The parsed flags of `cotpot render`. */
export interface RenderCommandOptions {
  var: string[];
  vars?: string;
  dir: string[];
  chat?: string;
  format?: string;
  generationPrompt?: boolean;
  continueFinalMessage?: boolean;
  foldSystem?: boolean;
  list?: boolean;
}

/**
 * `cotpot render`: prints a rendered template, a chat rendered in a model's format, or
 * (with --list) the templates and chat formats there are. The output is exactly what a
 * model would receive.
 *
 * @returns the exit status.
 * @throws {UsageError} for missing or contradictory flags and unreadable files.
 */
export async function renderCommand(
  template: string | undefined,
  options: RenderCommandOptions,
): Promise<number> {
  const templates = createTemplates({ directories: options.dir });

  if (options.list) {
    process.stdout.write(listing(templates));
  } else if (options.chat !== undefined) {
    process.stdout.write(await renderChatFile(options.chat, options, templates));
  } else if (template !== undefined) {
    process.stdout.write(templates.render(template, await variables(options)));
  } else {
    throw new UsageError("name a template to render, or pass --chat <messages.json>, or --list.");
  }
  return 0;
}

async function renderChatFile(
  file: string,
  options: RenderCommandOptions,
  templates: Templates,
): Promise<string> {
  if (options.format === undefined) {
    throw new UsageError(`--chat needs --format, one of: ${chatFormats.join(", ")}.`);
  }
  const messages = parseJson<ChatMessage[]>(await readInput(file), file);

  return renderChat(messages, {
    format: options.format,
    addGenerationPrompt: options.generationPrompt ?? false,
    continueFinalMessage: options.continueFinalMessage ?? false,
    foldSystem: options.foldSystem ?? false,
    templates,
  });
}

/** `--vars file.json` first, then each `--var key=value` (dots make nested keys). */
async function variables(options: RenderCommandOptions): Promise<TemplateVariables> {
  const base =
    options.vars === undefined
      ? {}
      : parseJson<TemplateVariables>(await readInput(options.vars), options.vars);

  for (const pair of options.var) {
    const separator = pair.indexOf("=");
    if (separator <= 0) throw new UsageError(`--var expects key=value; got '${pair}'.`);
    setPath(base, pair.slice(0, separator).split("."), pair.slice(separator + 1));
  }
  return base;
}

function setPath(target: TemplateVariables, keys: string[], value: string): void {
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    node[key] = next !== null && typeof next === "object" ? next : {};
    node = node[key] as TemplateVariables;
  }
  node[keys.at(-1) as string] = value;
}

function listing(templates: Templates): string {
  const lines = ["Templates:"];
  for (const name of templates.names)
    lines.push(`  ${name.padEnd(24)} ${templates.file(name).path}`);

  lines.push("", "Chat formats (render --chat <messages.json> --format <name>):");
  for (const name of chatFormats) {
    lines.push(`  ${name.padEnd(10)} ${builtInChatFormat(name)?.description ?? ""}`);
  }
  return `${lines.join("\n")}\n`;
}

async function readInput(file: string): Promise<string> {
  if (file === "-") return text(process.stdin);
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : "unreadable";
    throw new UsageError(`cannot read '${file}' (${reason}).`, { cause: error });
  }
}

function parseJson<T>(source: string, file: string): T {
  try {
    return JSON.parse(source) as T;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`'${file}' is not valid JSON: ${reason}`, { cause: error });
  }
}
