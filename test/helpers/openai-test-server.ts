import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";

/** A request the test server received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown>;
}

/** How the server answers one request. */
export type Reply = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

/**
 * A real HTTP server on 127.0.0.1 (an ephemeral port) speaking the OpenAI wire format,
 * for tests: it records every request and answers each with the next scripted reply,
 * or with an echo of the last user message when none is scripted.
 */
export interface OpenAITestServer {
  /** The API root to give `openai({ baseURL })`. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Scripts the replies to the next requests, in order. */
  enqueue(...replies: Reply[]): void;
  /** Answers every request that has no scripted reply; the echo when unset. */
  answerWith(reply: Reply | undefined): void;
  close(): Promise<void>;
}

/** Starts an {@link OpenAITestServer}. */
export async function startOpenAITestServer(): Promise<OpenAITestServer> {
  const requests: RecordedRequest[] = [];
  const queue: Reply[] = [];
  let fallback: Reply = echo;
  const sockets = new Set<import("node:net").Socket>();

  const server: Server = createServer(async (incoming, response) => {
    const request = await record(incoming);
    requests.push(request);
    const reply = queue.shift() ?? fallback;
    await reply(request, response);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...replies) => queue.push(...replies),
    answerWith: (reply) => {
      fallback = reply ?? echo;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function record(incoming: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return {
    method: incoming.method ?? "GET",
    path: incoming.url ?? "/",
    headers: incoming.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

/** The default reply: the model list, or the last user message (or prompt) echoed back. */
const echo: Reply = (request, response) => {
  if (request.method === "GET" && request.path.endsWith("/models")) {
    json({
      object: "list",
      data: [{ id: "served-model", object: "model", created: 0, owned_by: "test" }],
    })(request, response);
    return;
  }
  const messages = (request.body.messages ?? []) as { role: string; content: string }[];
  const last = messages.at(-1)?.content ?? String(request.body.prompt ?? "");
  json(chatOrCompletion(request, [`echo: ${last}`]))(request, response);
};

/** A JSON reply with a status (200 unless given) and headers. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Reply {
  return (_request, response) => {
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(JSON.stringify(body));
  };
}

/** A successful chat or completion body, shaped for the endpoint the request used. */
export function chatOrCompletion(
  request: RecordedRequest,
  texts: string[],
  extra: { usage?: Record<string, unknown>; reasoning?: string; finishReason?: string } = {},
): Record<string, unknown> {
  const chat = request.path.endsWith("/chat/completions");
  const choices = texts.map((text, index) => ({
    index,
    finish_reason: extra.finishReason ?? "stop",
    ...(chat
      ? {
          message: {
            role: "assistant",
            content: text,
            ...(extra.reasoning ? { reasoning_content: extra.reasoning } : {}),
          },
        }
      : { text }),
  }));
  return {
    id: "test",
    object: chat ? "chat.completion" : "text_completion",
    created: 0,
    model: String(request.body.model),
    choices,
    usage: extra.usage ?? { prompt_tokens: 11, completion_tokens: 5, total_tokens: 16 },
  };
}

/** A reply built from the request, for scripted answers that depend on it. */
export function answer(texts: string[], extra: Parameters<typeof chatOrCompletion>[2] = {}): Reply {
  return (request, response) => json(chatOrCompletion(request, texts, extra))(request, response);
}

/** A server-sent-events stream of the given chunks, then `[DONE]`. */
export function sse(chunks: unknown[], delayMs = 0): Reply {
  return async (_request, response) => {
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    for (const chunk of chunks) {
      response.write(`data: ${JSON.stringify(chunk)}\n\n`);
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
    response.end("data: [DONE]\n\n");
  };
}

/** An error reply in OpenAI's error shape. */
export function failure(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): Reply {
  return json({ error: { message, type: "test_error", code: null } }, status, headers);
}

/** A reply that waits before answering. */
export function slow(delayMs: number, then: Reply): Reply {
  return async (request, response) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (!response.destroyed) await then(request, response);
  };
}

/** A reply that drops the connection without answering. */
export const dropConnection: Reply = (_request, response) => {
  response.socket?.destroy();
};

/** A reply whose body is not JSON. */
export const malformed: Reply = (_request, response) => {
  response.writeHead(200, { "content-type": "application/json" });
  response.end('{"choices": [ this is not json');
};

/**
 * Starts an {@link OpenAITestServer} before a test file's tests and closes it after;
 * returns a getter for it.
 */
export function useOpenAITestServer(): () => OpenAITestServer {
  let server: OpenAITestServer | undefined;
  beforeAll(async () => {
    server = await startOpenAITestServer();
  });
  afterAll(() => server?.close());
  return () => {
    if (!server) throw new Error("The test server starts in beforeAll; use it inside a test.");
    return server;
  };
}
