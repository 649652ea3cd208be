/**
 * CDK feature flags the stacks rely on. Passed to `new App({ context })` by `bin/` and by the tests alike,
 * so tests never synthesise with different semantics than a deploy.
 */
export const featureFlags = {
  // Server access logs are delivered through a bucket policy, so log buckets can keep ACLs disabled.
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  // Imports (Fn::ImportValue) keep the stateful Data stack from being deleted while the API uses its table.
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
} as const;
