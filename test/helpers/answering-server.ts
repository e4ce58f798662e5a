import type { Problem } from "../../src/index.js";
import { chatOrCompletion, json, type Reply } from "./openai-test-server.js";

const USAGE = {
  prompt_tokens: 40,
  completion_tokens: 12,
  prompt_tokens_details: { cached_tokens: 30 },
};

/**
 * A reply for the test server that answers the dataset's questions the way each
 * strategy asks: a program for Program of Thought, "The answer is X." otherwise, with
 * `n` choices when asked for. Problems in `wrong` get a wrong answer, so a run has
 * failures to report; a question it does not know gets `unknown` (0 unless given).
 */
export function answeringReply(
  problems: readonly Problem[],
  wrong: ReadonlySet<string> = new Set(),
  unknown = "0",
): Reply {
  return (request, response) => {
    const messages = (request.body.messages ?? []) as { role: string; content: string }[];
    const asked =
      messages.findLast((message) => message.content.startsWith("Question: "))?.content ?? "";
    const problem = problems.find((candidate) =>
      asked.startsWith(`Question: ${candidate.question}`),
    );
    const gold = problem?.answer ?? unknown;
    const answer = problem && wrong.has(problem.id) ? `${gold}1` : gold;

    const wantsProgram = messages[0]?.content.includes("JavaScript program") ?? false;
    const text = wantsProgram
      ? `\`\`\`javascript\nfunction solution() {\n  return ${JSON.stringify(answer)};\n}\n\`\`\``
      : `Step by step, it comes to ${answer}.\nThe answer is ${answer}.`;
    const texts = Array.from({ length: Number(request.body.n ?? 1) }, () => text);
    json(chatOrCompletion(request, texts, { usage: USAGE }))(request, response);
  };
}
