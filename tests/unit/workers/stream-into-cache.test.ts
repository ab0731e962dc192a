import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TRANSFORMERS_CACHE } from '../../../src/shared/cache-names';
import { streamIntoCache } from '../../../workers/lib/models/stream-into-cache';
import { reportDownloads, transformersCache } from '../../../workers/lib/models/transformers-cache';
import { MemoryCache, memoryCacheStorage } from './memory-cache-storage';

const CHUNK = 64 * 1024;
const MODEL = Uint8Array.from({ length: 3 * CHUNK }, (_, i) => i % 251);
const requests: string[] = [];

/** A model host: a file sent in three chunks, one that stops short, a 404, a gzipped JSON. */
const server: Server = createServer((request, response) => {
  requests.push(request.url ?? '');
  if (request.url === '/m/model.onnx') {
    response.writeHead(200, { 'content-length': MODEL.length });
    for (let at = 0; at < MODEL.length; at += CHUNK) response.write(MODEL.subarray(at, at + CHUNK));
    response.end();
  } else if (request.url === '/m/short.onnx') {
    response.writeHead(200, { 'content-length': 2 * CHUNK });
    response.write(MODEL.subarray(0, CHUNK), () => response.destroy());
  } else if (request.url === '/m/config.json') {
    const body = gzipSync('{"model_type":"gpt2"}');
    response.writeHead(200, { 'content-encoding': 'gzip', 'content-length': body.length });
    response.end(body);
  } else {
    response.writeHead(404).end('not found');
  }
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/m/`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));
afterEach(() => {
  requests.length = 0;
  vi.unstubAllGlobals();
});

describe('streamIntoCache', () => {
  it('stores the body as it arrives, reporting the bytes, and hands back the stored copy', async () => {
    const cache = new MemoryCache();
    const heard: [number, number | null][] = [];
    const url = `${base}model.onnx`;
    const stored = await streamIntoCache(cache as unknown as Cache, url, await fetch(url), (l, t) =>
      heard.push([l, t]),
    );
    expect(new Uint8Array(await stored.arrayBuffer())).toEqual(MODEL);
    expect(heard.at(-1)).toEqual([MODEL.length, MODEL.length]);
    expect(heard.every(([, total]) => total === MODEL.length)).toBe(true);
    expect(cache.entries.get(url)?.body).toEqual(MODEL);
  });

  it('rejects a body that stops short of its length, and keeps nothing of it', async () => {
    const cache = new MemoryCache();
    const url = `${base}short.onnx`;
    await expect(
      streamIntoCache(cache as unknown as Cache, url, await fetch(url), () => {}),
    ).rejects.toThrow();
    // And one whose body ends cleanly but short (a proxy that closes early without an error).
    const cut = new Response(new Blob([MODEL.subarray(0, CHUNK)]).stream(), {
      headers: { 'content-length': String(MODEL.length) },
    });
    await expect(streamIntoCache(cache as unknown as Cache, url, cut, () => {})).rejects.toThrow(
      `ended after ${CHUNK} of ${MODEL.length} bytes`,
    );
    expect(cache.entries.size).toBe(0);
  });

  it('stores a decoded body without the encoded length it came with', async () => {
    const cache = new MemoryCache();
    const url = `${base}config.json`;
    const stored = await streamIntoCache(
      cache as unknown as Cache,
      url,
      await fetch(url),
      () => {},
    );
    expect(await stored.json()).toEqual({ model_type: 'gpt2' });
    expect(stored.headers.has('content-encoding')).toBe(false);
    expect(stored.headers.has('content-length')).toBe(false);
  });
});

describe('transformersCache', () => {
  it('downloads a missing file into transformers.js’ cache once, with its bytes reported', async () => {
    const storage = memoryCacheStorage();
    vi.stubGlobal('caches', storage);
    const heard: [string, number][] = [];
    const stop = reportDownloads(base, (file, loaded) => heard.push([file, loaded]));
    const url = `${base}model.onnx`;
    const first = await transformersCache.match(url);
    expect(new Uint8Array(await (first as Response).arrayBuffer())).toEqual(MODEL);
    expect(heard.at(-1)).toEqual(['model.onnx', MODEL.length]);
    stop();
    const again = await transformersCache.match(url);
    expect(new Uint8Array(await (again as Response).arrayBuffer())).toEqual(MODEL);
    expect(requests).toEqual(['/m/model.onnx']);
    expect(storage.named.get(TRANSFORMERS_CACHE)?.entries.has(url)).toBe(true);
  });

  it('answers "not cached" for an error status or a failed body, so transformers.js reports it', async () => {
    vi.stubGlobal('caches', memoryCacheStorage());
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await transformersCache.match(`${base}missing.json`)).toBeUndefined();
    expect(await transformersCache.match(`${base}short.onnx`)).toBeUndefined();
    // Local paths (transformers.js asks for those first) are only looked up, never fetched.
    expect(await transformersCache.match('/models/x/config.json')).toBeUndefined();
    expect(requests).toEqual(['/m/missing.json', '/m/short.onnx']);
    warn.mockRestore();
  });

  it('without Cache Storage, fetches nothing itself', async () => {
    expect(await transformersCache.match(`${base}model.onnx`)).toBeUndefined();
    expect(requests).toEqual([]);
  });
});
