import { createRequire } from "node:module";
import type * as Jinja from "@huggingface/jinja";
import { type ChatMessage, renderChat } from "../src/index.js";
import { type BenchResult, type Figure, printFigure } from "./figures.js";
import { describeMachine, percentile } from "./stats.js";

// renderChat against two baselines on the same 18-message ChatML conversation, in one
// process: the floor (the prompt built by hand-written concatenation) and
// @huggingface/jinja rendering ChatML's official template, parsed once.

const CHATML_JINJA =
  "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + " +
  "message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";
const ROUNDS = 15;
const CALLS_PER_ROUND = 2000;

/** Measures renderChat's time per call against the floor and against Jinja. */
export async function benchTemplates(): Promise<BenchResult> {
  const messages = conversation();
  const bytes = Buffer.byteLength(handWritten(messages));
  process.stdout.write(`machine: ${await describeMachine()}\n`);
  process.stdout.write(`conversation: ${messages.length} messages, ${bytes} bytes as ChatML\n`);

  const { Template } = createRequire(import.meta.url)("@huggingface/jinja") as typeof Jinja;
  const jinja = new Template(CHATML_JINJA);
  const ours = () => renderChat(messages, { format: "chatml", addGenerationPrompt: true });
  const theirs = () => jinja.render({ messages, add_generation_prompt: true });
  if (ours() !== handWritten(messages) || theirs() !== ours()) {
    throw new Error("The three renderers disagree; the benchmark would compare different work.");
  }

  const samples = { floor: [] as number[], ours: [] as number[], jinja: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    samples.floor.push(timePerCall(() => handWritten(messages)));
    samples.ours.push(timePerCall(ours));
    samples.jinja.push(timePerCall(theirs));
  }

  const floor = percentile(samples.floor, 0.5);
  const rendered = percentile(samples.ours, 0.5);
  const jinjaTime = percentile(samples.jinja, 0.5);
  const figures: Figure[] = [
    {
      label: "renderChat, 18 messages",
      value: rendered,
      unit: "µs",
      baseline: { label: "hand-written concatenation", value: floor },
      target: "at most 3x the floor",
      met: rendered <= 3 * floor,
    },
    {
      label: "renderChat, 18 messages",
      value: rendered,
      unit: "µs",
      baseline: { label: "@huggingface/jinja, parsed once", value: jinjaTime },
      target: "at least 3x faster than jinja (at most 0.33x)",
      met: rendered * 3 <= jinjaTime,
    },
  ];
  for (const figure of figures) printFigure(figure);

  const summary =
    `templates: renderChat ${rendered.toFixed(2)} µs (${(rendered / floor).toFixed(1)}x floor, ` +
    `${(jinjaTime / rendered).toFixed(1)}x faster than jinja)`;
  process.stdout.write(`${summary}\n`);
  return { figures, summary };
}

/** Microseconds per call, over one round of calls. */
function timePerCall(render: () => string): number {
  let length = 0;
  const startedAt = performance.now();
  for (let i = 0; i < CALLS_PER_ROUND; i++) length += render().length;
  const elapsedMs = performance.now() - startedAt;
  if (length === 0) throw new Error("nothing rendered");
  return (elapsedMs * 1000) / CALLS_PER_ROUND;
}

function handWritten(messages: readonly ChatMessage[]): string {
  let text = "";
  for (const message of messages) {
    text += `<|im_start|>${message.role}\n${message.content}<|im_end|>\n`;
  }
  return `${text}<|im_start|>assistant\n`;
}

/** A system message and 17 alternating turns of a worked arithmetic dialogue. */
function conversation(): ChatMessage[] {
  const messages: ChatMessage[] = [
    { role: "system", content: "You are a patient mathematics teacher. Reason step by step." },
  ];
  for (let turn = 0; turn < 17; turn++) {
    const a = 12 + turn * 7;
    const b = 3 + turn;
    messages.push(
      turn % 2 === 0
        ? {
            role: "user",
            content: `A shop sells ${a} boxes of pencils with ${b} pencils each. Some pencils are sold on Monday and the rest are shared equally among ${b} classes of the school next door. How many pencils are there in all the boxes together before any are sold?`,
          }
        : {
            role: "assistant",
            content: `Let me work through it. There are ${a} boxes with ${b} pencils in each box, so the total is ${a} × ${b} = ${a * b} pencils. The sales and the sharing happen later, so they do not change the count asked for. I checked it by dividing back: ${a * b} ÷ ${b} = ${a} boxes. The answer is ${a * b}.`,
          },
    );
  }
  return messages;
}
