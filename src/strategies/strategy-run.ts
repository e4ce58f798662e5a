import type { ChatMessage } from "../chat/index.js";
import { addUsage, type GenerateOptions, type Generation, type Usage } from "../models/index.js";
import { rolePrompt } from "../roles/index.js";
import { defaultTemplates, type Templates } from "../templates/index.js";
import { type Exemplar, resolveExemplars } from "./exemplars.js";
import type { Attempt, AttemptPurpose, StrategyOptions, StrategyResult } from "./strategy-types.js";

/** How an exemplar's worked answer is written for the strategy at hand. */
export type ExemplarReply = (exemplar: Exemplar) => string;

/**
 * The bookkeeping a strategy shares: its prompt pieces, its calls with their usage and
 * attempts, and the result they add up to.
 */
export class StrategyRun {
  readonly templates: Templates;
  readonly attempts: Attempt[] = [];
  usage: Usage = { promptTokens: 0, completionTokens: 0 };

  constructor(
    readonly options: StrategyOptions,
    readonly sampling: GenerateOptions,
  ) {
    this.templates = options.templates ?? defaultTemplates();
  }

  /**
   * The conversation for a question, laid out cache-first: the role and the strategy's
   * instructions, then the exemplars, all identical from one question to the next, and
   * the question last.
   */
  messages(instructions: string, reply: ExemplarReply, suffix?: string): ChatMessage[] {
    const { role, examples, question } = this.options;
    const system = [
      role === undefined ? "" : rolePrompt(role, {}, { templates: this.templates }),
      this.render(instructions),
    ]
      .filter((part) => part !== "")
      .join("\n\n");

    const shots = examples === undefined ? [] : resolveExemplars(examples);
    const turns: ChatMessage[] = shots.flatMap((exemplar) => [
      {
        role: "user",
        content: this.render("strategies/question", { question: exemplar.question }),
      },
      { role: "assistant", content: reply(exemplar) },
    ]);
    const asked = this.render("strategies/question", { question });
    const last = suffix === undefined ? asked : `${asked}\n\n${this.render(suffix)}`;
    return [{ role: "system", content: system }, ...turns, { role: "user", content: last }];
  }

  render(template: string, variables: Record<string, unknown> = {}): string {
    return this.templates.render(template, variables);
  }

  /** Calls the model, streaming to `onText` when given, and records the attempt. */
  async call(
    purpose: AttemptPurpose,
    messages: readonly ChatMessage[],
    overrides: GenerateOptions = {},
  ): Promise<Generation> {
    const { model, signal, onText } = this.options;
    const options = { ...this.sampling, ...overrides, ...(signal ? { signal } : {}) };
    let generation: Generation;
    if (onText) {
      const stream = model.streamChat(messages, options);
      for await (const delta of stream) onText(delta, purpose);
      generation = await stream.generation;
    } else {
      generation = await model.chat(messages, options);
    }
    this.record(purpose, generation);
    return generation;
  }

  /** Records a call's reply and usage. */
  record(purpose: AttemptPurpose, generation: Generation, texts = [generation.text]): Attempt[] {
    this.usage = addUsage(this.usage, generation.usage);
    const recorded = texts.map((text, index) => {
      const attempt: Attempt = {
        purpose,
        text,
        usage: index === 0 ? generation.usage : { promptTokens: 0, completionTokens: 0 },
      };
      const thinking =
        generation.reasonings?.[index] ?? (index === 0 ? generation.reasoning : undefined);
      if (thinking !== undefined) attempt.thinking = thinking;
      return attempt;
    });
    this.attempts.push(...recorded);
    return recorded;
  }

  /** Marks the last attempt as having gone wrong. */
  fail(error: string): void {
    const last = this.attempts.at(-1);
    if (last) last.error = error;
  }

  result(
    strategy: StrategyResult["strategy"],
    answer: string | null,
    messages: ChatMessage[],
    extra: Partial<StrategyResult> = {},
  ): StrategyResult {
    return { strategy, answer, ...extra, messages, usage: this.usage, attempts: this.attempts };
  }
}
