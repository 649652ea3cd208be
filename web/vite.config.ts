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
 * (measured: −53 KB gzip of initial JS).
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

/** Packages only the (lazy) form pages use: kept out of the first bundle's vendor chunk. */
const FORM_LIBRARIES = '(react-hook-form|@hookform|@standard-schema|zod)[\\\\/]';

export default defineConfig({
  plugins: [react(), utrechtTreeShaking()],
  server: { host: '127.0.0.1', port: webPort, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: webPort, strictPort: true, proxy },
  build: {
    target: 'es2022',
    rolldownOptions: {
      // Core's modules declare schemas, lists and rules; none runs for its own sake. Said so, the first bundle
      // takes only what it uses from `@regie/core/browser` (the roles), not every schema (and zod) behind it.
      treeshake: { moduleSideEffects: [{ test: /[\\/]packages[\\/]core[\\/]src[\\/]/, sideEffects: false }] },
      output: {
        codeSplitting: {
          groups: [
            // Libraries in one long-cached chunk, the app's own code apart (it changes with every release)...
            { name: 'vendor', test: new RegExp(`[\\\\/]node_modules[\\\\/](?!${FORM_LIBRARIES})`) },
            // ...but the form and schema libraries load with the forms that use them (lazy pages), not with the
            // first page. Vendor comes first, so what both need (React) stays in vendor.
            { name: 'forms', test: new RegExp(`[\\\\/]node_modules[\\\\/]${FORM_LIBRARIES}`) },
          ],
        },
      },
    },
  },
});
