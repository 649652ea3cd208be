/** Values the global setups hand to tests through `inject()`. */
declare module 'vitest' {
  export interface ProvidedContext {
    /** integration tier: the in-memory DynamoDB Local */
    dynamoEndpoint: string;
    /** integration tier: the S3-compatible document store (s3rver) */
    s3Endpoint: string;
    /** integration tier: a table holding the seed, loaded once; `createTestDb({ seed: true })` copies it */
    seedTable: string;
    /** e2e tier: the built web app and the API it proxies to */
    webUrl: string;
    apiUrl: string;
  }
}

export {};
