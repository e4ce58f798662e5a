import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderChat } from "../../src/index.js";
import { cotpot } from "../helpers/run-cli.js";

const WORK = mkdtempSync(join(tmpdir(), "cotpot-render-"));

function file(name: string, text: string): string {
  const path = join(WORK, name);
  writeFileSync(path, text);
  return path;
}

const messages = [
  { role: "system", content: "Be brief." },
  { role: "user", content: "What is 2 + 2?" },
] as const;

describe.concurrent("cotpot render", () => {
  it("prints a template with --var and --vars, exactly", async () => {
    const vars = file("vars.json", JSON.stringify({ name: "a chef", rules: ["Taste first."] }));
    const { code, stdout } = await cotpot([
      "render",
      "roles/spec",
      "--vars",
      vars,
      "--var",
      "expertise=baking",
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      "You are a chef, with expertise in baking.\n\nWhen you solve a problem, reason step by step, keep track of every quantity and what it means, and check the result before you state it.\n\nAlways follow these rules:\n1. Taste first.\n",
    );
  });

  it("nests dotted --var keys and reads templates from --dir", async () => {
    const directory = mkdtempSync(join(tmpdir(), "cotpot-render-dir-"));
    writeFileSync(join(directory, "question.hbs"), "Q: {{problem.text}} ({{problem.unit}})");
    const { code, stdout } = await cotpot([
      "render",
      "question",
      "--dir",
      directory,
      "--var",
      "problem.text=How far?",
      "--var",
      "problem.unit=km",
    ]);
    expect({ code, stdout }).toEqual({ code: 0, stdout: "Q: How far? (km)" });
  });

  it("prints a chat in a model's format, byte for byte as renderChat gives it", async () => {
    const chat = file("chat.json", JSON.stringify(messages));
    const { code, stdout } = await cotpot([
      "render",
      "--chat",
      chat,
      "--format",
      "llama3.1",
      "--generation-prompt",
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      renderChat([...messages], { format: "llama3.1", addGenerationPrompt: true }),
    );
  });

  it("reads the chat from standard input with -, and folds the system message on request", async () => {
    const { code, stdout } = await cotpot(
      ["render", "--chat", "-", "--format", "gemma", "--fold-system"],
      JSON.stringify(messages),
    );
    expect(code).toBe(0);
    expect(stdout).toBe("<bos><start_of_turn>user\nBe brief.\n\nWhat is 2 + 2?<end_of_turn>\n");
  });

  it("lists the templates and the chat formats", async () => {
    const { code, stdout } = await cotpot(["render", "--list"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Templates:\n {2}chat\/chatml +.*templates\/chat\/chatml\.hbs$/m);
    expect(stdout).toMatch(/roles\/math-teacher/);
    expect(stdout).toMatch(/Chat formats .*\n {2}chatml +ChatML/);
    expect(stdout).toMatch(/^ {2}phi3 +Phi-3\.5/m);
  });

  it.each([
    [
      ["render", "roles/spec", "--var", "name=x"],
      1,
      /^cotpot: Template 'roles\/spec' .*missing variable 'expertise'/,
    ],
    [
      ["render", "--chat", "-", "--format", "gemma"],
      1,
      /^cotpot: Chat format 'gemma': .*foldSystem/,
    ],
    [["render", "--chat", "-"], 2, /^cotpot: --chat needs --format, one of: chatml, /],
    [
      ["render"],
      2,
      /^cotpot: name a template to render, or pass --chat <messages.json>, or --list\./,
    ],
    [["render", "x", "--var", "novalue"], 2, /^cotpot: --var expects key=value; got 'novalue'\./],
    [
      ["render", "nope/nothing"],
      1,
      /^cotpot: Unknown template 'nope\/nothing'\. Known templates: /,
    ],
  ])("%j fails with a one-line reason", async (args, status, message) => {
    const { code, stderr } = await cotpot(args, JSON.stringify(messages));
    expect(code).toBe(status);
    expect(stderr).toMatch(message);
  });
});
