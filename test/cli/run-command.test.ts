import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cotpot } from "../helpers/run-cli.js";

const WORK = mkdtempSync(join(tmpdir(), "cotpot-cli-"));

function programFile(name: string, code: string): string {
  const path = join(WORK, name);
  writeFileSync(path, code);
  return path;
}

describe("cotpot --help", () => {
  it("lists the commands and exits 0", async () => {
    const { code, stdout } = await cotpot(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: cotpot");
    expect(stdout).toMatch(/run \[options\] <file>/);
    expect(stdout).toMatch(/render \[options\] \[template\]/);
    expect(stdout).toMatch(/demo/);
  });

  it("describes run's flags", async () => {
    const { code, stdout } = await cotpot(["run", "--help"]);
    expect(code).toBe(0);
    for (const flag of ["--timeout-ms", "--memory-limit-mb", "--json"]) {
      expect(stdout).toContain(flag);
    }
  });
});

describe.concurrent("cotpot run", () => {
  it("prints the logs and the answer, and exits 0", async () => {
    const file = programFile(
      "ok.js",
      "function solution() {\n  console.log('adding');\n  return 40 + 2;\n}",
    );
    const { code, stdout, stderr } = await cotpot(["run", file]);
    expect({ code, stdout, stderr }).toEqual({
      code: 0,
      stdout: "adding\nanswer: 42\n",
      stderr: "",
    });
  });

  it("reads the program from standard input with -", async () => {
    const { code, stdout } = await cotpot(["run", "-"], "const answer = 'from stdin';");
    expect(code).toBe(0);
    expect(stdout).toBe("answer: 'from stdin'\n");
  });

  it("prints the error on one line with its kind and line, and exits 1", async () => {
    const file = programFile("broken.js", "const a = 1;\nconst b = a.b.c;\n");
    const { code, stdout, stderr } = await cotpot(["run", file]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      "error (runtime) at line 2:14: TypeError: cannot read property 'c' of undefined\n",
    );
  });

  it("stops a runaway program at --timeout-ms", async () => {
    const { code, stderr } = await cotpot(["run", "--timeout-ms", "100", "-"], "for (;;) {}");
    expect(code).toBe(1);
    expect(stderr).toContain("error (timeout)");
    expect(stderr).toContain("100 ms (timeoutMs)");
  });

  it("stops a hungry program at --memory-limit-mb", async () => {
    const hungry = "const a = []; for (;;) a.push(new Float64Array(1 << 16));";
    const { code, stderr } = await cotpot(["run", "--memory-limit-mb", "4", "-"], hungry);
    expect(code).toBe(1);
    expect(stderr).toContain("error (memory)");
    expect(stderr).toContain("4 MiB (memoryLimitBytes)");
  });

  it("prints the whole result as JSON with --json", async () => {
    const { code, stdout } = await cotpot(["run", "--json", "-"], "console.log('x');\n[1, 2n]");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ ok: true, answer: [1, "2"], logs: ["x"] });
    expect(typeof result.durationMs).toBe("number");
  });

  it("prints a failure as JSON too, and still exits 1", async () => {
    const { code, stdout } = await cotpot(["run", "--json", "-"], "let x = ;");
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, error: { kind: "syntax", line: 1 } });
  });

  it.each([
    [
      ["run", "/no/such/program.js"],
      "cotpot: cannot read program file '/no/such/program.js' (ENOENT).",
    ],
    [["run", "--timeout-ms", "0", "-"], "cotpot: --timeout-ms must be from 1 to 600000; got 0."],
    [
      ["run", "--memory-limit-mb", "5000", "-"],
      "cotpot: --memory-limit-mb must be from 1 to 1024; got 5000.",
    ],
    [
      ["run", "--timeout-ms", "soon", "-"],
      "error: option '--timeout-ms <ms>' argument 'soon' is invalid. Expected a whole number.",
    ],
    [["run"], "error: missing required argument 'file'"],
    [["walk"], "error: unknown command 'walk'"],
  ])("rejects %j with a one-line reason and exit 2", async (args, message) => {
    const { code, stderr } = await cotpot(args);
    expect(code).toBe(2);
    expect(stderr.split("\n")[0]).toBe(message);
  });
});

describe("cotpot demo --programs", () => {
  it("runs every example program and each behaves as its header says", async () => {
    const { code, stdout } = await cotpot(["demo", "--programs"]);
    expect(code).toBe(0);
    expect(stdout).toContain("✓ discount.js");
    expect(stdout).toContain("answer: 54");
    expect(stdout).toMatch(/✓ runaway\.js[\s\S]*stopped: timeout/);
    expect(stdout).toMatch(/✓ memory-hog\.js[\s\S]*stopped: memory/);
    expect(stdout).toMatch(/programs run: all as expected\.\n$/);
  });
});
