export * from './accounts-local.ts';
export * from './dev-issuer.ts';
export * from './dynamo-local.ts';
export * from './ports.ts';
export * from './s3-local.ts';
export * from './seed.ts';
export * from './seed-notifications.ts';
export * from './stack.ts';
