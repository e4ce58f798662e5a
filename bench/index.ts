// `npm run bench -- [name...]`: runs the named benchmarks, or all of them. Each prints
// its figures against a baseline measured in the same process, and a summary line last.

const BENCHMARKS: Record<string, () => Promise<void>> = {
  sandbox: async () => (await import("./sandbox.js")).benchSandbox(),
  templates: async () => (await import("./templates.js")).benchTemplates(),
  models: async () => (await import("./models.js")).benchModels(),
  cli: async () => (await import("./cli-startup.js")).benchCliStartup(),
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  const known = Object.keys(BENCHMARKS).join(", ");
  process.stderr.write(`Unknown benchmark: ${unknown.join(", ")}. Known: ${known}.\n`);
  process.exit(2);
}

for (const name of requested.length > 0 ? requested : Object.keys(BENCHMARKS)) {
  process.stdout.write(`\n## ${name}\n`);
  await BENCHMARKS[name]?.();
}
