import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { InvalidOptionError, ModelError, type ModelWarning, openai } from "../../src/index.js";
import {
  answer,
  dropConnection,
  failure,
  malformed,
  slow,
  sse,
  startOpenAITestServer,
  useOpenAITestServer,
} from "../helpers/openai-test-server.js";

const server = useOpenAITestServer();

const question = [{ role: "user", content: "What is 6 * 7?" }] as const;
const model = () => openai({ model: "test-model", baseURL: server().baseURL, apiKey: "sk-test" });

async function refusal(call: Promise<unknown>): Promise<ModelError> {
  const error = await call.then(
    () => undefined,
    (caught) => caught,
  );
  if (!(error instanceof ModelError)) throw new Error(`expected a ModelError, got ${error}`);
  return error;
}

describe("openai(): what goes over the wire", () => {
  it("chat posts the messages and every option set, under the wire names", async () => {
    await model().chat([...question], {
      temperature: 0.3,
      topP: 0.9,
      topK: 40,
      minP: 0.05,
      seed: 7,
      maxTokens: 64,
      stop: ["\nQ:"],
      n: 2,
    });
    const request = server().requests.at(-1);
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/v1/chat/completions");
    expect(request?.headers.authorization).toBe("Bearer sk-test");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.body).toEqual({
      model: "test-model",
      messages: [{ role: "user", content: "What is 6 * 7?" }],
      temperature: 0.3,
      top_p: 0.9,
      top_k: 40,
      min_p: 0.05,
      seed: 7,
      max_tokens: 64,
      stop: ["\nQ:"],
      n: 2,
    });
  });

  it("sends only what was set", async () => {
    await model().chat([...question]);
    expect(server().requests.at(-1)?.body).toEqual({
      model: "test-model",
      messages: [...question],
    });
  });

  it("generate posts the raw prompt to /completions", async () => {
    const prompt = "<|im_start|>user\nWhat is 6 * 7?<|im_end|>\n<|im_start|>assistant\n";
    const generation = await model().generate(prompt, { maxTokens: 8 });
    const request = server().requests.at(-1);
    expect(request?.path).toBe("/v1/completions");
    expect(request?.body).toEqual({ model: "test-model", prompt, max_tokens: 8 });
    expect(generation.text).toBe(`echo: ${prompt}`);
  });

  it("drops topK and minP for servers that do not take them, with one warning each", async () => {
    const warnings: ModelWarning[] = [];
    const strict = openai({
      model: "test-model",
      baseURL: server().baseURL,
      extraSampling: "drop",
      onWarning: (warning) => warnings.push(warning),
    });
    await strict.chat([...question], { topK: 5, minP: 0.1 });
    await strict.chat([...question], { topK: 5 });
    expect(server().requests.at(-1)?.body).not.toHaveProperty("top_k");
    expect(warnings.map((warning) => warning.code)).toEqual([
      "unsupported-top-k",
      "unsupported-min-p",
    ]);
    expect(warnings[0]?.message).toContain("topK is not an OpenAI API parameter");
  });

  it("asks the server which model it serves for model: auto", async () => {
    const auto = openai({ model: "auto", baseURL: server().baseURL });
    await auto.chat([...question]);
    expect(server().requests.at(-2)?.path).toBe("/v1/models");
    expect(server().requests.at(-1)?.body.model).toBe("served-model");
    expect(auto.name).toBe("served-model");
  });
});

describe("openai(): what comes back", () => {
  it("every choice, the usage with cached prompt tokens, the finish reason", async () => {
    server().enqueue(
      answer(["42", "forty-two"], {
        usage: {
          prompt_tokens: 30,
          completion_tokens: 4,
          prompt_tokens_details: { cached_tokens: 24 },
        },
        finishReason: "length",
      }),
    );
    const generation = await model().chat([...question], { n: 2 });
    expect(generation).toEqual({
      text: "42",
      texts: ["42", "forty-two"],
      usage: { promptTokens: 30, completionTokens: 4, cachedPromptTokens: 24 },
      finishReason: "length",
    });
  });

  it("a thinking model's reasoning apart from its text, from the field or a <think> section", async () => {
    server().enqueue(answer(["42"], { reasoning: "6 * 7 = 42" }));
    expect(await model().chat([...question])).toMatchObject({
      text: "42",
      reasoning: "6 * 7 = 42",
    });

    server().enqueue(answer(["<think>\nSix sevens.\n</think>\n\n42"]));
    expect(await model().chat([...question])).toMatchObject({
      text: "42",
      reasoning: "Six sevens.",
    });
  });

  it("streams text deltas and ends with the generation", async () => {
    server().enqueue(
      sse([
        { choices: [{ index: 0, delta: { role: "assistant", content: "" } }] },
        { choices: [{ index: 0, delta: { reasoning_content: "Think." } }] },
        { choices: [{ index: 0, delta: { content: "4" } }] },
        { choices: [{ index: 0, delta: { content: "2" }, finish_reason: "stop" }] },
        { choices: [], usage: { prompt_tokens: 9, completion_tokens: 2 } },
      ]),
    );
    const stream = model().streamChat([...question]);
    const deltas: string[] = [];
    for await (const delta of stream) deltas.push(delta);

    expect(deltas).toEqual(["4", "2"]);
    expect(await stream.generation).toEqual({
      text: "42",
      texts: ["42"],
      reasoning: "Think.",
      reasonings: ["Think."],
      usage: { promptTokens: 9, completionTokens: 2 },
      finishReason: "stop",
    });
    expect(server().requests.at(-1)?.body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });
  });
});

describe("openai(): failures", () => {
  it("retries a 429 after the Retry-After the server asked for", async () => {
    server().enqueue(failure(429, "Slow down.", { "retry-after": "1" }), answer(["42"]));
    const before = server().requests.length;
    const startedAt = performance.now();

    expect((await model().chat([...question])).text).toBe("42");
    expect(server().requests.length - before).toBe(2);
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(900);
  });

  it("retries 5xx, then says what failed and that retrying may help", async () => {
    server().enqueue(failure(503, "Overloaded."), failure(503, "Overloaded."));
    const error = await refusal(model().chat([...question], { maxRetries: 1 }));
    expect(error).toMatchObject({
      url: `${server().baseURL}/chat/completions`,
      status: 503,
      serverMessage: "Overloaded.",
      retryable: true,
      scope: "call",
    });
    expect(error.message).toBe(
      `${server().baseURL}/chat/completions answered 503 after 2 attempts: Overloaded. The server failed; retrying later may help.`,
    );
  });

  it("does not retry a 400, and says retrying will not help", async () => {
    server().enqueue(failure(400, "max_tokens is too large."));
    const before = server().requests.length;
    const error = await refusal(model().chat([...question], { maxRetries: 2 }));
    expect(server().requests.length - before).toBe(1);
    expect(error).toMatchObject({ status: 400, retryable: false, scope: "call" });
    expect(error.message).toContain("max_tokens is too large. The server refused the request");
  });

  it("names the key for a 401 and the model for a 404: failures of the model, not the call", async () => {
    server().enqueue(failure(401, "Bad key."));
    const refused = await refusal(model().chat([...question]));
    expect(refused.message).toContain("Check the API key");
    expect(refused.scope).toBe("model");

    server().enqueue(failure(404, "No such model."));
    const unknown = await refusal(model().chat([...question]));
    expect(unknown.message).toContain("serves a model named 'test-model'");
    expect(unknown.scope).toBe("model");
  });

  it("reports a body that is not JSON", async () => {
    server().enqueue(malformed);
    const error = await refusal(model().chat([...question], { maxRetries: 0 }));
    expect(error.message).toMatch(/sent a response cotpot could not read: .*JSON/);
    expect(error.retryable).toBe(false);
  });

  it("gives up on a response slower than the timeout", async () => {
    server().enqueue(slow(1000, answer(["late"])), slow(1000, answer(["late"])));
    const error = await refusal(model().chat([...question], { timeoutMs: 150, maxRetries: 1 }));
    expect(error.message).toBe(
      `${server().baseURL}/chat/completions did not answer within 150 ms after 2 attempts. Raise timeoutMs, or check the server.`,
    );
    expect(error.retryable).toBe(true);
  });

  it("retries a dropped connection, then says the server could not be reached", async () => {
    server().enqueue(dropConnection, dropConnection);
    const error = await refusal(model().chat([...question], { maxRetries: 1 }));
    expect(error.message).toMatch(
      /^Could not reach .* after 2 attempts: .*Check that the server is running/,
    );
  });

  it("says when nothing listens at the URL", async () => {
    const closed = await startOpenAITestServer();
    await closed.close();
    const nowhere = openai({ model: "m", baseURL: closed.baseURL });
    const error = await refusal(nowhere.chat([...question], { maxRetries: 0 }));
    expect(error.message).toMatch(
      /^Could not reach http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions: .*ECONNREFUSED/,
    );
  });

  it("stops at once when the signal aborts, rejecting with its reason", async () => {
    server().enqueue(slow(5000, answer(["late"])));
    const controller = new AbortController();
    const call = model().chat([...question], { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user cancelled")), 50);
    const startedAt = performance.now();
    await expect(call).rejects.toThrow("user cancelled");
    expect(performance.now() - startedAt).toBeLessThan(1000);
  });

  it("leaves no listener behind on a signal many calls share", async () => {
    const controller = new AbortController();
    const calls = Array.from({ length: 25 }, () =>
      model().chat([...question], { signal: controller.signal }),
    );
    const stream = model().streamChat([...question], { signal: controller.signal });
    for await (const _delta of stream);
    await Promise.all(calls);

    // The SDK adds one to every request's signal and never removes it (openai-node#1811).
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("checks options before sending anything", async () => {
    const before = server().requests.length;
    await expect(model().chat([...question], { temperature: 3 })).rejects.toThrow(
      InvalidOptionError,
    );
    expect(server().requests.length).toBe(before);
    expect(() => openai({ model: "" })).toThrow('Invalid model: "".');
  });
});
