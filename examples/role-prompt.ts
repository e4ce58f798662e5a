// A role prompt: a system persona from cotpot's role library, or one of your own.
//
//   npx tsx examples/role-prompt.ts
//
// Runs on the default model: COTPOT_MODEL (a .gguf file, or a server's model name) and
// OPENAI_BASE_URL choose it; see the README.

import { defaultModel, roleNames, rolePrompt } from "cotpot";

// The built-in roles, each a Handlebars file in templates/roles/.
console.log(`Built-in roles: ${roleNames().join(", ")}\n`);

// A built-in role by name; some roles take variables for their optional parts.
const accountant = rolePrompt("accountant", { jurisdiction: "UK" });
console.log(`--- accountant (UK) ---\n${accountant}\n`);

// A role of your own, from a spec: the name and expertise are required, the rest optional.
const surveyor = rolePrompt({
  name: "a quantity surveyor",
  expertise: "measuring floors, walls and materials",
  tone: "plain",
  rules: ["Convert every length to metres first.", "Round up: you cannot buy part of a tile."],
});
console.log(`--- your own role ---\n${surveyor}\n`);

// The role goes first, as the system message: it is the stable part of the prompt,
// which servers and the local model keep cached from one question to the next.
const model = defaultModel();
try {
  const reply = await model.chat(
    [
      { role: "system", content: surveyor },
      { role: "user", content: "A room is 4.2 m by 300 cm. How many 30 cm square tiles cover it?" },
    ],
    { preset: "precise", maxTokens: 300 },
  );
  console.log(`--- ${model.name} answers ---\n${reply.text}`);
} finally {
  await model.dispose();
}
