import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import type { StackOutputs } from './target.ts';

/** A stage's stack outputs through CloudFormation DescribeStacks, with the caller's AWS configuration. */
export function cloudFormationOutputs(awsRegion?: string): StackOutputs & { destroy(): void } {
  const client = new CloudFormationClient(awsRegion ? { region: awsRegion } : {});
  const outputs = async (stackName: string) => {
    const result = await client.send(new DescribeStacksCommand({ StackName: stackName }));
    const entries = (result.Stacks?.[0]?.Outputs ?? []).flatMap((output) =>
      output.OutputKey && output.OutputValue ? [[output.OutputKey, output.OutputValue] as const] : [],
    );
    return Object.fromEntries(entries);
  };
  return Object.assign(outputs, { destroy: () => client.destroy() });
}
