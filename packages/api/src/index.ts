export type { AppDeps, DevAuth } from './app.ts';
export { createApp } from './app.ts';
export type { Identity, TokenVerifier, VerifierOptions } from './auth.ts';
export { createTokenVerifier } from './auth.ts';
export type { DbFor } from './context.ts';
export type { AppRouter } from './router.ts';
export { appRouter } from './router.ts';
export type { Meta } from './trpc.ts';
