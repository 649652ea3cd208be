import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';

// The only place the web app reads its environment: the ports (SPEC §7).
const webPort = Number(process.env.WEB_PORT ?? 5173);
const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? 3000}`;

// Same origin for the browser: the API's routes are proxied, so no CORS is needed (dev and preview alike).
const apiPaths = ['/trpc', '/files', '/dev', '/health', '/public', '/ical'];
const proxy: Record<string, ProxyOptions> = Object.fromEntries(
  // `^/dev(/|?|$)` and so on: the route prefix itself, not every path that merely starts with its letters.
  apiPaths.map((path) => [`^${path}(/|\\?|$)`, { target: apiTarget }]),
);

/**
 * The Utrecht component library sets `Component.displayName = '…'` on each of its ~130 components. Those
 * property writes count as side effects, so every component stays in the bundle whether used or not. They are
 * only React DevTools labels: dropping them in the build lets the bundler remove the unused components
 * (measured 2026-12-03: initial JS 183.8 KB gzip with this, 235.7 KB without; web-initial-js.integration.test.ts
 * fails if an upgrade stops it matching). Rolldown's `treeshake.propertyWriteSideEffects: false` gives the same
 * size but applies to every module and drops writes to objects that are still used (docs/benchmarks.md, Floors,
 * 2026-12-03), so this stays limited to these files and these lines.
 */
function utrechtTreeShaking(): Plugin {
  return {
    name: 'regie:utrecht-tree-shaking',
    apply: 'build',
    transform: {
      filter: { id: /[\\/]node_modules[\\/]@utrecht[\\/][^\\/]+[\\/]dist[\\/][^\\/]+\.mjs$/ },
      handler(code) {
        return { code: code.replace(/^[\w$]+\.displayName = [^\n]*;$/gm, ''), map: null };
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), utrechtTreeShaking()],
  server: { host: '127.0.0.1', port: webPort, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: webPort, strictPort: true, proxy },
  build: {
    target: 'es2022',
    rolldownOptions: {
      // Libraries in one long-cached chunk, the app's own code apart (it changes with every release).
      // Form libraries and the schemas' zod apart: only the lazily loaded form pages need them, so they stay out of
      // the first load. The vendor group goes first, so React stays in it rather than following react-hook-form.
      output: {
        codeSplitting: {
          groups: [
            // The XLSX reader of the register import (issue 13) and what it brings: loaded by that page only.
            {
              name: 'xlsx-reader',
              test: /[\\/]node_modules[\\/](read-excel-file|fflate|saxen|unzipper-esm|worker-f)[\\/]/,
              priority: 3,
            },
            // The OpenID client (issue 17): only Cognito sign-in and session renewal load it, never the first load.
            {
              name: 'oidc-client',
              test: /[\\/]node_modules[\\/](oidc-client-ts|jwt-decode)[\\/]/,
              priority: 3,
            },
            {
              name: 'vendor',
              test: /[\\/]node_modules[\\/](?!react-hook-form[\\/]|@hookform[\\/]|@standard-schema[\\/]|zod[\\/])/,
              priority: 2,
            },
            { name: 'forms', test: /[\\/]node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
