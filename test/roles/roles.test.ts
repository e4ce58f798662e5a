import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  createTemplates,
  InvalidOptionError,
  roleNames,
  rolePrompt,
  UnknownRoleError,
} from "../../src/index.js";

const REQUIRED = [
  "math-teacher",
  "accountant",
  "programmer",
  "scientist",
  "tutor",
  "data-analyst",
  "editor",
  "logician",
];

describe("built-in roles", () => {
  it("ship at least the eight roles reasoning tasks need", () => {
    expect(roleNames()).toEqual(expect.arrayContaining(REQUIRED));
  });

  it.each(REQUIRED)(
    "%s is a persona that says what it knows and how it checks its work",
    (role) => {
      const prompt = rolePrompt(role);
      expect(prompt).toMatch(/^You are (a|an) /);
      expect(prompt).toMatch(/\bcheck|verify|reconcile|trace/i);
      expect(prompt).not.toMatch(/\s$/);
      expect(prompt.split("\n").length).toBeGreaterThan(4);
    },
  );

  it("fills a role's optional part from variables", () => {
    expect(rolePrompt("math-teacher", { level: "secondary-school" })).toMatch(
      /^You are a patient mathematics teacher working with secondary-school students\./,
    );
    expect(rolePrompt("math-teacher")).toMatch(/^You are a patient mathematics teacher\./);
  });
});

describe("a role described inline", () => {
  it("renders name, expertise, tone and rules", () => {
    const prompt = rolePrompt({
      name: "a careful accountant",
      expertise: "household budgets",
      tone: "plain",
      rules: ["Round money to the cent.", "Show each formula with its numbers."],
    });
    expect(prompt).toMatchInlineSnapshot(`
      "You are a careful accountant, with expertise in household budgets.
      You answer in a plain tone.

      When you solve a problem, reason step by step, keep track of every quantity and what it means, and check the result before you state it.

      Always follow these rules:
      1. Round money to the cent.
      2. Show each formula with its numbers."
    `);
  });

  it("leaves out what it was not given", () => {
    expect(rolePrompt({ name: "a logician", expertise: "syllogisms" })).toBe(
      "You are a logician, with expertise in syllogisms.\n\nWhen you solve a problem, reason step by step, keep track of every quantity and what it means, and check the result before you state it.",
    );
  });

  it.each([
    [{ expertise: "x" }, "Invalid role.name: undefined. Expected a non-empty string."],
    [{ name: "x", expertise: " " }, 'Invalid role.expertise: " ". Expected a non-empty string.'],
    [
      { name: "x", expertise: "y", rules: "be brief" },
      'Invalid role.rules: "be brief". Expected an array of strings.',
    ],
  ])("refuses %j, naming the field", (spec, message) => {
    expect(() => rolePrompt(spec as never)).toThrow(InvalidOptionError);
    expect(() => rolePrompt(spec as never)).toThrow(message);
  });
});

describe("role names", () => {
  it("an unknown role lists the built-in ones and says how to make one", () => {
    expect(() => rolePrompt("chef")).toThrow(UnknownRoleError);
    expect(() => rolePrompt("chef")).toThrow(
      /^Unknown role 'chef'\. Built-in roles: accountant, data-analyst, .*tutor\. Pass a RoleSpec/,
    );
    expect(() => rolePrompt("spec")).toThrow(UnknownRoleError);
  });

  it("a user's role file overrides a built-in one, and adds new roles", () => {
    const directory = mkdtempSync(join(tmpdir(), "cotpot-roles-"));
    mkdirSync(join(directory, "roles"));
    writeFileSync(join(directory, "roles", "tutor.hbs"), "You are my tutor for {{subject}}.\n");
    writeFileSync(join(directory, "roles", "chemist.hbs"), "You are a chemist.");

    const templates = createTemplates({ directories: [directory] });
    expect(rolePrompt("tutor", { subject: "chemistry" }, { templates })).toBe(
      "You are my tutor for chemistry.",
    );
    expect(rolePrompt("chemist", {}, { templates })).toBe("You are a chemist.");
    expect(roleNames(templates)).toContain("chemist");
  });
});
