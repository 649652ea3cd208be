import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

// The only place the web app reads its environment: the ports (SPEC §7).
const webPort = Number(process.env.WEB_PORT ?? 5173);
const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? 3000}`;

// Same origin for the browser: the API's routes are proxied, so no CORS is needed (dev and preview alike).
const apiPaths = ['/trpc', '/dev', '/health', '/public', '/ical'];
const proxy: Record<string, ProxyOptions> = Object.fromEntries(
  // `^/dev(/|$)` and friends: match the route prefix exactly, not any path that merely starts with it.
  apiPaths.map((path) => [`^${path}(/|\\?|$)`, { target: apiTarget }]),
);

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: webPort, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: webPort, strictPort: true, proxy },
  build: { target: 'es2022', reportCompressedSize: true },
});
