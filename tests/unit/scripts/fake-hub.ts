import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** The commit every revision of the fake Hub resolves to. */
export const COMMIT = '0123456789abcdef0123456789abcdef01234567';

/**
 * A stand-in for the Hugging Face Hub (which this machine cannot reach) serving a folder of
 * repositories in the Hub's own protocol: `GET /api/models/<id>/revision/<rev>` lists the files
 * (`siblings`, with sizes under `?blobs=true`), `GET /<id>/resolve/<rev>/<file>` serves one, and
 * `GET /files/<path>` serves any file as a plain URL (a release download).
 */
export async function startFakeHub(
  root: string,
): Promise<{ url: string; requests: string[]; server: Server }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    requests.push(url.pathname);
    const api = /^\/api\/models\/(.+)\/revision\/([^/]+)$/.exec(url.pathname);
    const resolved = /^\/(.+?)\/resolve\/([^/]+)\/(.+)$/.exec(url.pathname);
    const plain = /^\/files\/(.+)$/.exec(url.pathname);
    const send = async (path: string): Promise<void> => {
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) {
        response.writeHead(404).end('Entry not found');
        return;
      }
      response.writeHead(200, { 'Content-Length': info.size });
      createReadStream(path).pipe(response);
    };
    if (api) {
      const dir = join(root, decodeURIComponent(api[1]!));
      void listFiles(dir).then(
        async (files) => {
          const siblings = await Promise.all(
            files.map(async (rfilename) => ({
              rfilename,
              ...(url.searchParams.get('blobs') === 'true'
                ? { size: (await stat(join(dir, rfilename))).size }
                : {}),
              // Weights are LFS files: the Hub names their SHA-256.
              ...(url.searchParams.get('blobs') === 'true' && rfilename.endsWith('.onnx')
                ? {
                    lfs: {
                      sha256: createHash('sha256')
                        .update(await readFile(join(dir, rfilename)))
                        .digest('hex'),
                    },
                  }
                : {}),
            })),
          );
          response.writeHead(200, { 'Content-Type': 'application/json' });
          response.end(JSON.stringify({ id: api[1], sha: COMMIT, siblings }));
        },
        () => response.writeHead(401).end('{"error":"Repository not found"}'),
      );
    } else if (resolved) {
      void send(join(root, decodeURIComponent(resolved[1]!), decodeURIComponent(resolved[3]!)));
    } else if (plain) {
      void send(join(root, decodeURIComponent(plain[1]!)));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, server };
}
