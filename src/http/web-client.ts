/**
 * The web application's files (dist/web, built by Vite) served under `/`,
 * and every other GET outside `/api/` answered with index.html so that the
 * client's own paths (`/kommuner/751`) open by link and on reload.
 */
import { existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { TilsynApp } from './tilsyn-app.js';

/** dist/web beside the compiled server (dist/http → dist/web; src/http → dist/web when run from source). */
export const WEB_CLIENT_FOLDER = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export async function webClient(app: TilsynApp, folder = WEB_CLIENT_FOLDER): Promise<void> {
  if (!existsSync(`${folder}/index.html`)) {
    app.log.warn('The web application is not built (npm run build:web); serving the API only.');
    return;
  }
  // Only the reply.sendFile decorator: which file a path names is decided below.
  await app.register(fastifyStatic, { root: folder, serve: false });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const path = safeDecode(request.url.split('?')[0] ?? '/');
    if (path === '/api' || path.startsWith('/api/'))
      return reply.status(404).send({ error: 'not_found', message: 'Adressen findes ikke.' });
    const relative = normalize(path)
      .replace(/^(\.\.(\/|\\|$))+/, '')
      .replace(/^[/\\]+/, '');
    if (relative !== '' && isFile(join(folder, relative)))
      return reply
        .header(
          'cache-control',
          relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        )
        .sendFile(relative);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return '/';
  }
}
