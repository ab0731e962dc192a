import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

/**
 * A local stand-in for Groq's OpenAI-compatible API, for tests only (the real service can't be
 * reached here). It speaks the real wire protocol — `POST /openai/v1/chat/completions` with SSE
 * streaming and streamed tool calls, `GET /openai/v1/models`, CORS as a browser needs — and is
 * strict: requests the real API would reject get the real API's 400/401 errors. Each test scripts
 * the replies it wants, in order, and reads back the requests it received.
 */

/** One scripted reply: a streamed answer, tool calls, or an HTTP error. */
export interface ScriptedReply {
  text?: string;
  toolCalls?: { name: string; arguments: string | Record<string, unknown> }[];
  /** An error status instead of an answer (429, 500, 503…), with Groq's error body. */
  status?: number;
  message?: string;
  headers?: Record<string, string>;
  /** Pause between streamed chunks, ms. */
  chunkDelayMs?: number;
  /** Cut the connection after streaming this many pieces of text (a network drop mid-answer). */
  dropAfterPieces?: number;
}

const TOOL_CALL = z.object({
  id: z.string().min(1),
  type: z.literal('function'),
  function: z.object({ name: z.string().min(1), arguments: z.string() }),
});

const MESSAGE = z.discriminatedUnion('role', [
  z.object({ role: z.literal('system'), content: z.string() }),
  z.object({ role: z.literal('user'), content: z.string().min(1) }),
  z.object({
    role: z.literal('assistant'),
    content: z.string().nullable().optional(),
    tool_calls: z.array(TOOL_CALL).optional(),
  }),
  z.object({ role: z.literal('tool'), tool_call_id: z.string().min(1), content: z.string() }),
]);

const REQUEST = z.object({
  model: z.string().min(1),
  messages: z.array(MESSAGE).min(1),
  tools: z
    .array(
      z.object({
        type: z.literal('function'),
        function: z.object({
          name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/),
          description: z.string().optional(),
          parameters: z.record(z.string(), z.unknown()).optional(),
        }),
      }),
    )
    .optional(),
  tool_choice: z
    .union([z.enum(['none', 'auto', 'required']), z.object({ type: z.literal('function') })])
    .optional(),
  stream: z.boolean().optional(),
  temperature: z.number().min(0).max(2).optional(),
  max_completion_tokens: z.number().int().positive().optional(),
});

export type ChatRequest = z.infer<typeof REQUEST>;

/** Checks what the schema can't: every tool result answers a tool call made before it. */
function toolResultsMatchCalls(request: ChatRequest): string | null {
  const called = new Set<string>();
  for (const message of request.messages) {
    if (message.role === 'assistant') message.tool_calls?.forEach((c) => called.add(c.id));
    if (message.role === 'tool' && !called.has(message.tool_call_id))
      return `'messages' : tool message with tool_call_id '${message.tool_call_id}' has no matching tool call`;
  }
  return null;
}

export class FakeGroq {
  /** Every chat request received (parsed), in order. */
  readonly requests: ChatRequest[] = [];
  /** Each accepted chat request's body, byte for byte as it arrived (UTF-8). */
  readonly bodies: string[] = [];
  /** The Authorization header of every request but CORS preflights, accepted or not. */
  readonly authorizations: string[] = [];
  /** When each chat request arrived (ms since the epoch), in the same order. */
  readonly receivedAt: number[] = [];
  private readonly replies: (ScriptedReply | ((request: ChatRequest) => ScriptedReply))[] = [];
  private server: Server | null = null;
  readonly models = ['openai/gpt-oss-20b', 'llama-3.3-70b-versatile'];
  /**
   * Groq refuses tool calls under `tool_choice: 'none'`; some OpenAI-compatible servers ignore
   * it and call tools anyway. False plays such a server.
   */
  honoursToolChoice = true;

  constructor(readonly apiKey = 'gsk_test_0123456789') {}

  /**
   * Queues the replies the next requests get, in order. A function reply is built from the
   * request, as a model would answer from the tool results it was sent.
   */
  script(...replies: (ScriptedReply | ((request: ChatRequest) => ScriptedReply))[]): void {
    this.replies.push(...replies);
  }

  /** Starts listening; resolves with the base URL to give groq-sdk (`baseURL`). */
  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader(
        'Access-Control-Allow-Headers',
        req.headers['access-control-request-headers'] ?? '*',
      );
      res.writeHead(204).end();
      return;
    }
    this.authorizations.push(req.headers.authorization ?? '');
    if (req.headers.authorization !== `Bearer ${this.apiKey}`)
      return this.error(res, 401, 'Invalid API Key', 'invalid_api_key');
    if (req.method === 'GET' && req.url === '/openai/v1/models')
      return this.json(res, 200, {
        object: 'list',
        data: this.models.map((id) => ({
          id,
          object: 'model',
          owned_by: 'fake',
          active: true,
          context_window: 131072,
        })),
      });
    if (req.method !== 'POST' || req.url !== '/openai/v1/chat/completions')
      return this.error(res, 404, `Unknown request URL: ${req.method} ${req.url}`, 'unknown_url');
    let body: unknown;
    let raw = '';
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      raw = Buffer.concat(chunks).toString('utf8');
      body = JSON.parse(raw);
    } catch {
      return this.error(
        res,
        400,
        'We could not parse the JSON body of your request.',
        'invalid_json',
      );
    }
    const parsed = REQUEST.safeParse(body);
    if (!parsed.success)
      return this.error(
        res,
        400,
        `Invalid request: ${parsed.error.issues[0]?.message} at ${parsed.error.issues[0]?.path.join('.')}`,
        'invalid_request',
      );
    const mismatch = toolResultsMatchCalls(parsed.data);
    if (mismatch) return this.error(res, 400, mismatch, 'invalid_request');
    this.requests.push(parsed.data);
    this.bodies.push(raw);
    this.receivedAt.push(Date.now());
    const next = this.replies.shift();
    const reply = typeof next === 'function' ? next(parsed.data) : next;
    if (!reply)
      return this.error(
        res,
        500,
        'Fake Groq: no reply scripted for this request',
        'internal_server_error',
      );
    if (reply.status) {
      for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
      return this.error(
        res,
        reply.status,
        reply.message ?? 'Scripted error',
        reply.status === 429 ? 'rate_limit_exceeded' : 'internal_server_error',
      );
    }
    const offered = new Set(parsed.data.tools?.map((t) => t.function.name) ?? []);
    const unknown = reply.toolCalls?.find((call) => !offered.has(call.name));
    if (
      unknown ||
      (reply.toolCalls && parsed.data.tool_choice === 'none' && this.honoursToolChoice)
    )
      return this.error(
        res,
        400,
        `tool call validation failed: attempted to call tool '${unknown?.name ?? reply.toolCalls?.[0]?.name}' which was not in request.tools`,
        'tool_use_failed',
      );
    if (parsed.data.stream) await this.stream(res, parsed.data.model, reply);
    else this.complete(res, parsed.data.model, reply);
  }

  private calls(reply: ScriptedReply) {
    return (reply.toolCalls ?? []).map((call, index) => ({
      index,
      id: `call_${this.requests.length}_${index}`,
      type: 'function' as const,
      function: {
        name: call.name,
        arguments:
          typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
      },
    }));
  }

  private complete(res: ServerResponse, model: string, reply: ScriptedReply): void {
    const toolCalls = this.calls(reply).map(({ index: _index, ...call }) => call);
    this.json(res, 200, {
      id: `chatcmpl-${this.requests.length}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: reply.text ?? null,
            ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
          },
          finish_reason: toolCalls.length ? 'tool_calls' : 'stop',
        },
      ],
      usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
    });
  }

  private async stream(res: ServerResponse, model: string, reply: ScriptedReply): Promise<void> {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    const base = {
      id: `chatcmpl-${this.requests.length}`,
      object: 'chat.completion.chunk',
      created: Math.floor(Date.now() / 1000),
      model,
    };
    const send = async (delta: object, finish: string | null = null, extra: object = {}) => {
      res.write(
        `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...extra })}\n\n`,
      );
      if (reply.chunkDelayMs) await new Promise((r) => setTimeout(r, reply.chunkDelayMs));
    };
    await send({ role: 'assistant', content: '' });
    let pieces = 0;
    for (const piece of (reply.text ?? '').match(/\S+\s*|\s+/g) ?? []) {
      if (pieces++ === reply.dropAfterPieces) {
        // Let what was written reach the client first, as a real drop mid-answer would.
        await new Promise((resolve) => setTimeout(resolve, 100));
        res.socket?.destroy();
        return;
      }
      await send({ content: piece });
    }
    for (const call of this.calls(reply)) {
      // The first delta names the call; its arguments follow in pieces, as Groq streams them.
      await send({
        tool_calls: [
          {
            index: call.index,
            id: call.id,
            type: 'function',
            function: { name: call.function.name, arguments: '' },
          },
        ],
      });
      for (const piece of call.function.arguments.match(/.{1,8}/gs) ?? [])
        await send({ tool_calls: [{ index: call.index, function: { arguments: piece } }] });
    }
    await send({}, reply.toolCalls?.length ? 'tool_calls' : 'stop', {
      x_groq: {
        id: base.id,
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      },
    });
    res.end('data: [DONE]\n\n');
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  }

  private error(res: ServerResponse, status: number, message: string, code: string): void {
    this.json(res, status, { error: { message, type: 'invalid_request_error', code } });
  }
}
