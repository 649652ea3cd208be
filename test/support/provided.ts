/** Values the global setups hand to tests through `inject()`. */
declare module 'vitest' {
  export interface ProvidedContext {
    /** integration tier: the in-memory DynamoDB Local */
    dynamoEndpoint: string;
    /** e2e tier: the built web app and the API it proxies to */
    webUrl: string;
    apiUrl: string;
  }
}

export {};
