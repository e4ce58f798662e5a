import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  evaluate,
  type LedgerItem,
  openai,
  type Problem,
  renderReport,
  summarize,
} from "../../src/index.js";
import { answeringReply } from "../helpers/answering-server.js";
import { CHROMIUM, CHROMIUM_ARGS } from "../helpers/chromium.js";
import { useOpenAITestServer } from "../helpers/openai-test-server.js";
import { skipNote } from "../helpers/shared-data.js";

const RESULTS = fileURLToPath(new URL("../../test-results/", import.meta.url));
const server = useOpenAITestServer();

const hostile = "Is <script>window.pwned = true</script> </script><b>bold</b> 2 + 2?";
const problems: Problem[] = [
  { id: "p1", question: "What is 6 times 7?", answer: "42" },
  { id: "p2", question: "What is 10 percent of 250?", answer: "25" },
  { id: "p3", question: "How many minutes are in 3 hours?", answer: "180" },
  { id: "p4", question: hostile, answer: "4" },
];

/** What the page's Chart.js keeps of each chart it drew (the suite has no DOM types). */
interface DrawnChart {
  config: { type: string };
  canvas: {
    id: string;
    width: number;
    height: number;
    getContext(kind: "2d"): {
      getImageData(
        x: number,
        y: number,
        width: number,
        height: number,
      ): { data: Uint8ClampedArray };
    };
  };
}

/** A report of a real run against the test server, with two problems answered wrongly. */
async function reportOfARun(): Promise<{ html: string; failed: number }> {
  server().answerWith(answeringReply(problems, new Set(["p3", "p4"])));
  const model = openai({ baseURL: server().baseURL, model: "served-model", apiKey: "test" });
  const run = await evaluate({
    model,
    problems,
    strategies: ["direct", "cot", "pot", "sc"],
    samples: 3,
  });
  const html = renderReport({
    title: "cotpot evaluation",
    model: model.name,
    dataset: "four problems",
    ...run,
  });
  return { html, failed: run.items.filter((item) => !item.correct).length };
}

describe("renderReport", () => {
  const item: LedgerItem = {
    problemId: "x<1>",
    strategy: "pot",
    question: hostile,
    gold: "4",
    answer: "</script><script>alert(1)</script>",
    correct: false,
    usage: { promptTokens: 10, completionTokens: 5 },
    latencyMs: 12,
    calls: 1,
    attempts: [{ purpose: "program" }],
    program: "function solution() { return '</script>' + \"<img src=x onerror=alert(1)>\"; }",
    execution: { ok: true, answer: "<b>4</b>" },
    finishedAt: "2026-12-03T00:00:00.000Z",
  };
  const html = renderReport({
    title: "A <title>",
    model: "m",
    dataset: "d",
    items: [item],
    summary: summarize([item]),
  });

  it("escapes everything a model or a dataset wrote", () => {
    expect(html).toContain("Is &lt;script&gt;window.pwned = true&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("<title>A &lt;title&gt;</title>");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    // One script element for the data, one for Chart.js, one that draws: no more.
    expect(html.match(/<script/g)).toHaveLength(3);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
  });

  it("needs nothing from the network", () => {
    expect(html).not.toMatch(/\s(src|href)=["']?(https?:)?\/\//);
    expect(html).toContain("Chart.js");
  });
});

describe.skipIf(CHROMIUM.missing)(
  `the report in headless Chromium${skipNote(CHROMIUM.missing)}`,
  () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM.path, args: CHROMIUM_ARGS });
    });
    afterAll(() => browser?.close());

    it("draws three charts offline, lists the failed items, and runs nothing a model wrote", async ({
      annotate,
    }) => {
      const { html, failed } = await reportOfARun();
      mkdirSync(RESULTS, { recursive: true });
      const file = join(RESULTS, "report.html");
      writeFileSync(file, html);

      const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
      const problemsSeen: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" || message.type() === "warning")
          problemsSeen.push(message.text());
      });
      page.on("pageerror", (error) => problemsSeen.push(error.message));
      page.on("dialog", (dialog) => {
        problemsSeen.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      const network: string[] = [];
      await page.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith("file:")) return route.continue();
        network.push(url);
        return route.abort();
      });

      await page.goto(pathToFileURL(file).href);
      const shot = join(RESULTS, "report.png");
      await page.screenshot({ path: shot, fullPage: true });
      await annotate(`report screenshot: ${shot}`, { path: shot, contentType: "image/png" });
      console.log(`Report screenshot: ${shot}`);

      const charts = await page.evaluate(() => {
        const { Chart } = globalThis as unknown as {
          Chart: { instances: Record<string, DrawnChart> };
        };
        return Object.values(Chart.instances).map(({ canvas, config }) => {
          const pixels = canvas
            .getContext("2d")
            .getImageData(0, 0, canvas.width, canvas.height).data;
          let inked = 0;
          for (let index = 3; index < pixels.length; index += 4)
            if ((pixels[index] ?? 0) > 0) inked++;
          return { id: canvas.id, type: config.type, width: canvas.width, inked };
        });
      });
      expect(charts.map(({ id, type }) => [id, type])).toEqual([
        ["accuracy-chart", "bar"],
        ["tokens-chart", "scatter"],
        ["latency-chart", "bar"],
      ]);
      for (const chart of charts) {
        expect(chart.width).toBeGreaterThan(200);
        expect(chart.inked).toBeGreaterThan(1000);
      }

      const rows = await page.locator("table tbody tr td:first-child").allTextContents();
      expect(rows).toEqual(["direct", "cot", "pot", "sc"]);
      expect(await page.locator("details").count()).toBe(failed);
      expect(await page.locator("h2").textContent()).toBe(`Answered wrongly (${failed})`);

      await page.locator("details").last().locator("summary").click();
      expect(await page.locator("details").last().textContent()).toContain(hostile);
      expect(await page.evaluate(() => (globalThis as { pwned?: boolean }).pwned)).toBeUndefined();
      expect(await page.locator("b").count()).toBe(0);

      expect(problemsSeen).toEqual([]);
      expect(network).toEqual([]);
      await page.close();
    });
  },
);
