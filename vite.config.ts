/**
 * The web application's build (src/web → dist/web). The Fastify app serves
 * dist/web under `/` with a fallback to index.html for the client's routes;
 * `npx vite` serves the client with /api proxied to a running `tilsyn serve`.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
