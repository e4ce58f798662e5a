// Authoring and overriding templates.
//
//   npx tsx examples/templates.ts
//
// Every prompt cotpot sends comes from a Handlebars file in templates/: roles, strategy
// instructions, chat formats. A folder of your own, given to createTemplates, adds
// templates and replaces cotpot's by name. Rendering is strict: a variable that was not
// given is an error naming the template, the line and the variable.

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chainOfThought, createTemplates, defaultModel, MissingVariableError } from "cotpot";

// Your templates: a new role, and a replacement for the zero-shot trigger phrase.
const folder = mkdtempSync(join(tmpdir(), "my-templates-"));
mkdirSync(join(folder, "roles"));
mkdirSync(join(folder, "strategies"));
writeFileSync(
  join(folder, "roles", "quartermaster.hbs"),
  [
    "You are the quartermaster{{#if ship}} of {{ship}}{{/if}}.",
    "{{#if strict}}",
    "You count every barrel twice.",
    "{{/if}}",
    "You keep the stores: food, water, rope and powder, and you reason about them step by step.",
  ].join("\n"),
);
writeFileSync(
  join(folder, "strategies", "cot-trigger.hbs"),
  "Let's work this out in a step by step way to be sure we have the right answer.",
);
const templates = createTemplates({ directories: [folder] });

// A new template renders like a built-in one, and `{{#if}}` parts are optional.
console.log(templates.render("roles/quartermaster", { ship: "the Bounty", strict: true }));
console.log(
  `\nOverridden: strategies/cot-trigger is now read from ${templates.file("strategies/cot-trigger").path}\n`,
);

// A missing variable is an error that says where, not a prompt with a hole in it.
try {
  templates.render("strategies/question", { questoin: "How many barrels?" });
} catch (error) {
  if (!(error instanceof MissingVariableError)) throw error;
  console.log(`Refused: ${error.message}\n`);
}

// Strategies take the templates: the role comes from your folder, and so does the
// trigger phrase zero-shot chain of thought puts after the question.
const model = defaultModel();
try {
  const result = await chainOfThought({
    model,
    question:
      "We have 14 barrels of water and the crew of 35 drinks 2.5 barrels a day. How many whole days does the water last?",
    role: "quartermaster",
    templates,
  });
  console.log("--- sent ---");
  for (const message of result.messages) console.log(`[${message.role}] ${message.content}`);
  console.log(`--- answer: ${result.answer} ---`);
} finally {
  await model.dispose();
}
