import { tableDefinition } from '@regie/db/table';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AttributeType,
  Billing,
  type ITableV2,
  ProjectionType,
  TableEncryptionV2,
  TableV2,
} from 'aws-cdk-lib/aws-dynamodb';
import { type IKey, Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectLockRetention,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

const stringKey = (name: string) => ({ name, type: AttributeType.STRING });

export interface DataStackProps extends StackProps {
  /** How long each signed audit anchor is locked (Object Lock, compliance mode); config.ts `audit`. */
  readonly anchorRetentionDays: number;
}

/** Stateful resources: retained on stack deletion, never replaced by a stateless change. */
export class DataStack extends Stack {
  readonly table: ITableV2;
  readonly documentsBucket: IBucket;
  /** The asymmetric key the daily job signs audit chain heads with (issue 17 point 2). */
  readonly auditAnchorKey: IKey;
  /** Where the signed anchors are kept, each locked in compliance mode for the configured retention. */
  readonly auditAnchorsBucket: IBucket;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);

    // Built from the shared definition (also used by the local bootstrap), so keys and indexes cannot drift.
    this.table = new TableV2(this, 'Table', {
      partitionKey: stringKey(tableDefinition.partitionKey),
      sortKey: stringKey(tableDefinition.sortKey),
      globalSecondaryIndexes: tableDefinition.indexes.map((index) => ({
        indexName: index.name,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        projectionType: ProjectionType.ALL,
      })),
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryptionV2.awsManagedKey(),
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // For operators (docs/deployment.md: creating a tenant).
    new CfnOutput(this, 'TableName', { value: this.table.tableName });

    const accessLogs = new Bucket(this, 'AccessLogsBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.documentsBucket = new Bucket(this, 'DocumentsBucket', {
      versioned: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'documents/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // The anchored audit (issue 17 point 2, docs/security.md): an EC P-256 signing key whose private half never
    // leaves KMS (asymmetric keys do not rotate; a new key means a new public key for verifiers, kept with the old).
    this.auditAnchorKey = new Key(this, 'AuditAnchorKey', {
      description: 'Regie: signs the daily audit chain anchors (ECDSA_SHA_256)',
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new CfnOutput(this, 'AuditAnchorKeyArn', { value: this.auditAnchorKey.keyArn });
    // Each anchor object is locked in compliance mode: not even the account root can delete or overwrite a version
    // before its retention ends, nor shorten the retention.
    this.auditAnchorsBucket = new Bucket(this, 'AuditAnchorsBucket', {
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: ObjectLockRetention.compliance(Duration.days(props.anchorRetentionDays)),
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'audit-anchors/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new CfnOutput(this, 'AuditAnchorsBucketName', { value: this.auditAnchorsBucket.bucketName });
  }
}
