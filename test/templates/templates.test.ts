import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  createTemplates,
  InvalidOptionError,
  MissingVariableError,
  TemplateError,
  TemplateSyntaxError,
  UnknownTemplateError,
} from "../../src/index.js";

/** A folder of templates written for one test, loaded over the built-in ones. */
function templatesWith(files: Record<string, string>) {
  const directory = mkdtempSync(join(tmpdir(), "cotpot-templates-"));
  for (const [name, source] of Object.entries(files)) {
    const path = join(directory, `${name}.hbs`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, source);
  }
  return { templates: createTemplates({ directories: [directory] }), directory };
}

function render(source: string, variables: Record<string, unknown> = {}): string {
  return templatesWith({ t: source }).templates.render("t", variables);
}

function failure(source: string, variables: Record<string, unknown> = {}): unknown {
  try {
    render(source, variables);
  } catch (error) {
    return error;
  }
  throw new Error("expected rendering to fail");
}

describe("rendering", () => {
  it("writes prompts as they are: nothing is HTML-escaped", () => {
    expect(render("{{a}} {{{a}}}", { a: `it's <b> & "quoted"` })).toBe(
      `it's <b> & "quoted" it's <b> & "quoted"`,
    );
  });

  it("treats values as text, never as templates", () => {
    expect(render("Q: {{q}}", { q: "{{secret}} {{#each x}}{{/each}}" })).toBe(
      "Q: {{secret}} {{#each x}}{{/each}}",
    );
  });

  it('writes a literal {{ as \\{{, and a } right after an expression as {{"}"}}', () => {
    expect(render("Write \\{{name}} to mean a variable.")).toBe(
      "Write {{name}} to mean a variable.",
    );
    expect(render('Reply as JSON: {"answer": {{n}}{{"}"}}', { n: 4 })).toBe(
      'Reply as JSON: {"answer": 4}',
    );
  });

  it("writes numbers and booleans, and null as nothing", () => {
    expect(render("{{a}} {{b}} [{{c}}]", { a: 3.5, b: false, c: null })).toBe("3.5 false []");
  });

  it("follows Handlebars' whitespace control and standalone lines", () => {
    const source = "Steps:\n{{#each steps}}\n  - {{this}}\n{{/each}}\n{{~ ' done' ~}}  \nend";
    expect(render(source, { steps: ["a", "b"] })).toBe("Steps:\n  - a\n  - b\n doneend");
  });

  it("supports if, else if, unless, with, each with @index/@first/@last/@key and ../", () => {
    const source = [
      "{{#each items as |item i|}}{{i}}:{{item.name}}{{#if @first}}(first){{/if}}",
      "{{#if @last}}(last){{else if item.extra}}+{{else}},{{/if}}{{/each}}",
      " {{#unless hidden}}shown{{/unless}} {{#with who}}{{name}} of {{../place}}{{/with}}",
      " {{#each scores}}{{@key}}={{this}};{{/each}} {{#each none}}x{{else}}empty{{/each}}",
    ].join("");
    const variables = {
      items: [{ name: "a", extra: 1 }, { name: "b" }, { name: "c" }],
      hidden: false,
      who: { name: "Ada" },
      place: "London",
      scores: { x: 1, y: 2 },
      none: [],
    };
    expect(render(source, variables)).toBe(
      "0:a(first)+1:b,2:c(last) shown Ada of London x=1;y=2; empty",
    );
  });

  it("reads @root from inside blocks and partials", () => {
    const { templates } = templatesWith({
      outer: "{{#each xs}}{{> inner}}{{/each}}",
      inner: "[{{this}}{{@root.suffix}}]",
    });
    expect(templates.render("outer", { xs: [1, 2], suffix: "!" })).toBe("[1!][2!]");
  });
});

describe("partials", () => {
  it("uses any template as a partial by its name, with a context or key=value pairs", () => {
    const { templates } = templatesWith({
      "shared/greeting": "Hello {{who}}",
      page: "{{> shared/greeting who=name}}. {{> shared/greeting person}}.",
    });
    expect(templates.render("page", { name: "Ada", person: { who: "Alan" } })).toBe(
      "Hello Ada. Hello Alan.",
    );
  });

  it("indents a standalone partial's lines by its tag's indent", () => {
    const { templates } = templatesWith({
      list: "- a\n- b\n",
      page: "Items:\n    {{> list}}\nEnd",
    });
    expect(templates.render("page")).toBe("Items:\n    - a\n    - b\nEnd");
  });

  it("uses built-in templates as partials", () => {
    const { templates } = templatesWith({ page: '{{> roles/tutor subject="algebra"}}' });
    expect(templates.render("page")).toContain("You are a friendly tutor for algebra");
  });
});

describe("helpers", () => {
  it("json: indented by default, on one line with indent=0", () => {
    const value = { a: [1, "x"] };
    expect(render("{{json v}}", { v: value })).toBe('{\n  "a": [\n    1,\n    "x"\n  ]\n}');
    expect(render("{{json v indent=0}}", { v: value })).toBe('{"a":[1,"x"]}');
  });

  it("join: with ', ' or a separator of your own", () => {
    expect(render("{{join xs}} | {{join xs ' + '}}", { xs: [1, 2, 3] })).toBe(
      "1, 2, 3 | 1 + 2 + 3",
    );
  });

  it("numbered: from 1, or from start=", () => {
    expect(render("{{numbered xs}}\n{{numbered xs start=0}}", { xs: ["a", "b"] })).toBe(
      "1. a\n2. b\n0. a\n1. b",
    );
  });

  it("indent: a value or a block, blank lines left blank", () => {
    expect(render("{{indent text 4}}", { text: "a\n\nb" })).toBe("    a\n\n    b");
    expect(render("{{#indent 2}}x\ny{{/indent}}")).toBe("  x\n  y");
  });

  it("trim: a value or a block", () => {
    expect(render("[{{trim t}}] [{{#trim}}  {{t}}  {{/trim}}]", { t: "\n hi \n" })).toBe(
      "[hi] [hi]",
    );
  });

  it("eq, ne, not, and, or: for conditions", () => {
    const source =
      "{{#if (eq a 1)}}eq{{/if}} {{#if (ne a 2)}}ne{{/if}} {{#if (not b)}}not{{/if}} " +
      "{{#if (and a c)}}and{{/if}} {{#if (or b c)}}or{{/if}}";
    expect(render(source, { a: 1, b: "", c: true })).toBe("eq ne not and or");
  });

  it("report a value of the wrong kind with the template, line and helper", () => {
    const error = failure("line one\n{{join items}}", { items: "a, b" });
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).message).toBe(
      `Template 't' (${(error as TemplateError).file}), line 2, column 1: join expects a list; got a string`,
    );
  });
});

describe("strictness", () => {
  it("a missing variable names the template, line, column, path and the variables given", () => {
    const error = failure("Question:\n  {{problem.question}}", {
      problem: { answer: 3 },
      role: "x",
    });
    expect(error).toBeInstanceOf(MissingVariableError);
    const missing = error as MissingVariableError;
    expect({ ...missing, message: missing.message }).toMatchObject({
      template: "t",
      line: 2,
      column: 5,
      variable: "problem.question",
      given: ["problem", "role"],
    });
    expect(missing.message).toContain("missing variable 'problem.question'");
    expect(missing.message).toContain("Variables given: problem, role");
    expect(missing.message).toContain("{{#if problem.question}}");
  });

  it("an optional part is explicit: a missing variable in #if is simply false", () => {
    expect(render("a{{#if hint}} ({{hint}}){{/if}}b")).toBe("ab");
  });

  it("each over a missing list is an error, not silence", () => {
    const error = failure("{{#each steps}}- {{this}}{{/each}}") as MissingVariableError;
    expect(error).toBeInstanceOf(MissingVariableError);
    expect(error.variable).toBe("steps");
  });

  it("what every object inherits does not count as given", () => {
    for (const name of ["constructor", "toString", "__proto__"]) {
      const error = failure(`{{${name}}}`, { x: 1 }) as MissingVariableError;
      expect(error, name).toBeInstanceOf(MissingVariableError);
    }
    expect(render("{{toString}}", { toString: "own" })).toBe("own");
  });

  it("a variable under a value that is not an object is missing", () => {
    const error = failure("{{problem.answer}}", { problem: 3 }) as MissingVariableError;
    expect(error.variable).toBe("problem.answer");
  });

  it("writing an object or a list by accident says how to write it", () => {
    expect(() => render("{{p}}", { p: { a: 1 } })).toThrow(
      "{{p}} is an object; write it with {{json p}}",
    );
    expect(() => render("{{xs}}", { xs: [1] })).toThrow(
      "{{xs}} is a list; write it with {{join xs}}",
    );
  });

  it("a missing variable inside a partial names the partial", () => {
    const { templates } = templatesWith({ outer: "x\n{{> inner}}", inner: "\n\n  {{nope}}" });
    expect(() => templates.render("outer", { a: 1 })).toThrow(
      /Template 'inner' \(.*inner\.hbs\), line 3, column 5: missing variable 'nope'\. Variables given: a\./,
    );
  });
});

describe("authoring mistakes", () => {
  it("a syntax error gives the file, line, column and the line itself", () => {
    const error = failure('Answer as JSON:\n{"total": {{total}}}\n', { total: 1 });
    expect(error).toBeInstanceOf(TemplateSyntaxError);
    const syntax = error as TemplateSyntaxError;
    expect([syntax.line, syntax.column, syntax.sourceLine]).toEqual([
      2,
      18,
      '{"total": {{total}}}',
    ]);
    expect(syntax.message).toContain(`line 2, column 18: unexpected '}}}'; a } right after`);
    expect(syntax.message).toContain('\n  {"total": {{total}}}\n                   ^');
    expect(syntax.message).toContain("A literal {{ in a prompt is written \\{{");
  });

  it("an unclosed block says so", () => {
    expect(() => render("{{#if x}}\nyes")).toThrow("the template ends inside a block");
  });

  it("an unknown helper lists the helpers there are", () => {
    expect(() => render("{{shout x}}", { x: 1 })).toThrow(
      "unknown helper 'shout'. Helpers: json, join, numbered, indent, trim, eq, ne, not, and, or",
    );
  });

  it("an unknown template lists the known ones", () => {
    const { templates } = templatesWith({ mine: "x" });
    expect(() => templates.render("roles/chef")).toThrow(UnknownTemplateError);
    expect(() => templates.render("roles/chef")).toThrow(
      /^Unknown template 'roles\/chef'\. Known templates: .*mine.*roles\/tutor/,
    );
  });

  it("an unknown partial names the template that used it and lists the known ones", () => {
    const { templates } = templatesWith({ page: "{{> header}}" });
    expect(() => templates.render("page")).toThrow(
      /^Unknown template 'header' \(used as a partial in 'page'\)\. Known templates: /,
    );
  });

  it("a template folder that does not exist is refused when templates are created", () => {
    expect(() => createTemplates({ directories: ["/no/such/folder"] })).toThrow(InvalidOptionError);
    expect(() => createTemplates({ directories: ["/no/such/folder"] })).toThrow(
      'Invalid directories: "/no/such/folder". Expected a folder of .hbs template files.',
    );
  });
});

describe("loading", () => {
  it("a user file overrides the built-in template of the same name", () => {
    const { templates } = templatesWith({ "roles/tutor": "You are my own tutor." });
    expect(templates.render("roles/tutor")).toBe("You are my own tutor.");
    expect(templates.file("roles/tutor").path).toMatch(/cotpot-templates-.*roles\/tutor\.hbs$/);
  });

  it("names templates by their path without the extension, and lists them sorted", () => {
    const { templates } = templatesWith({ "a/b/c": "x" });
    expect(templates.names).toContain("a/b/c");
    expect(templates.names).toEqual([...templates.names].sort());
    expect(templates.has("a/b/c")).toBe(true);
  });

  it("compiles every built-in template without error", () => {
    const templates = createTemplates();
    for (const name of templates.names) {
      try {
        templates.render(name, {});
      } catch (error) {
        // Built-ins need variables; what must never happen is a syntax error.
        expect(error, name).not.toBeInstanceOf(TemplateSyntaxError);
      }
    }
  });
});
