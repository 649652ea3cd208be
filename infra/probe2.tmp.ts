import { Validations } from 'aws-cdk-lib';
(Validations.prototype as any).acknowledge = () => {};
await import('./probe.tmp.ts');
