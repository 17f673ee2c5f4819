/**
 * `npm run site -- --serve`: a static preview of the built site on 127.0.0.1 (never another
 * interface). `/2024/06/` serves `2024/06/index.html`; nothing outside the folder is served.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file a request path names inside `dir`, or null (outside it, or missing). */
export function fileFor(dir: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  const target = normalize(join(dir, path));
  if (target !== normalize(dir) && !target.startsWith(normalize(dir) + sep)) return null;
  const file = existsSync(target) && statSync(target).isDirectory() ? join(target, 'index.html') : target;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/** Serves `dir` on 127.0.0.1 at `port` (0: any free port); resolves once listening. */
export function serveSite(dir: string, port = 0): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    // A folder without its slash: redirect, so that the page's relative links resolve.
    const bare = fileFor(dir, url);
    const [path, query] = [url.split('?')[0]!, url.includes('?') ? url.slice(url.indexOf('?')) : ''];
    if (bare && bare.endsWith(`${sep}index.html`) && !path.endsWith('/') && !path.endsWith('.html')) {
      res.writeHead(301, { location: `${path}/${query}` }).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (!bare) {
      // As a static host does: the site's own 404 page when it has one.
      const notFound = fileFor(dir, '/404.html');
      res.writeHead(404, { 'content-type': notFound ? types['.html']! : 'text/plain; charset=utf-8' });
      if (notFound) createReadStream(notFound).pipe(res);
      else res.end(`Not found: ${url}\n`);
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(bare)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    if (req.method === 'HEAD') res.end();
    else createReadStream(bare).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({ server, url: `http://127.0.0.1:${actual}/` });
    });
  });
}
