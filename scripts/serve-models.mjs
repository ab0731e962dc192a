// `npm run models:serve [folder] [port] [name=folder…]`: serves a model folder (Hub layout, or
// what `npm run models:fetch` wrote) over HTTP with CORS, for a self-hosted model base URL.
// Each `name=folder` also serves that folder under /name/ (e.g. the npm PaddleOCR files).
// The end-to-end tests use it to serve ../shared/models. Plain node:http; read-only; GET/HEAD only.
// `/redirect/<path>` answers 302 to <path> on 127.0.0.1 (another origin), as the Hub redirects
// its files to a CDN, so a test can check that redirected downloads load.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(
  process.argv[2] ??
    process.env.BRI_MODELS_DIR ??
    join(process.env.BRI_SHARED_DIR ?? resolve(import.meta.dirname, '../../shared'), 'models'),
);
const port = Number(process.argv[3] ?? process.env.BRI_MODEL_PORT ?? 4190);
const mounts = new Map(
  process.argv.slice(4).map((arg) => {
    const [name, dir] = arg.split('=');
    return [name, resolve(dir)];
  }),
);
const TYPES = { '.json': 'application/json', '.txt': 'text/plain; charset=utf-8' };

createServer((request, response) => {
  response.setHeader('Access-Control-Allow-Origin', '*');
  response.setHeader('Access-Control-Expose-Headers', 'Content-Length');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405).end();
    return;
  }
  const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
  if (pathname.startsWith('/redirect/')) {
    const target = `http://127.0.0.1:${port}/${pathname.slice('/redirect/'.length)}`;
    response.writeHead(302, { Location: encodeURI(target) }).end();
    return;
  }
  const [, first = '', ...rest] = pathname.split('/');
  const base = mounts.get(first) ?? root;
  const path = normalize(join(base, mounts.has(first) ? rest.join('/') : pathname));
  if (!path.startsWith(base + sep)) {
    response.writeHead(403).end();
    return;
  }
  let size;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  response.writeHead(200, {
    'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
    'Content-Length': size,
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(path).pipe(response);
}).listen(port, () => console.info(`models from ${root} on http://localhost:${port}/`));
