/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// Everything the backend answers during development; the SPA itself owns every other path.
const backend = process.env.BACKEND_URL ?? 'http://localhost:8080';
const proxied = ['/api', '/oauth2', '/login', '/.well-known', '/userinfo', '/logout', '/connect', '/register', '/auth/login.css'];

export default defineConfig({
  server: {
    port: 5173,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: backend, changeOrigin: false }])),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No data: URIs, so a strict Content-Security-Policy needs no exception for them.
    assetsInlineLimit: 0,
    // The manifest lets scripts/size.mjs find the entry chunk and its static imports.
    manifest: true,
    sourcemap: false,
    rolldownOptions: {
      onLog(level, log, handler) {
        // react-router marks its modules "use client" for server components; meaningless in an SPA.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
      output: {
        codeSplitting: {
          // The libraries every page needs change rarely: one long-cached chunk, apart from our code.
          groups: [
            {
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|i18next|react-i18next|html-parse-stringify|void-elements|cookie|set-cookie-parser)[\\/]/,
            },
          ],
        },
      },
    },
  },
  test: {
    environment: 'happy-dom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
