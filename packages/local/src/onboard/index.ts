/** Platform onboarding (`npm run tenant`): the pieces tests and other tools drive without the process entry. */
export * from './admins.ts';
export * from './args.ts';
export * from './cli.ts';
export * from './connect.ts';
export * from './plan.ts';
export * from './run.ts';
export * from './target.ts';
