import { isSpace, spaceKind } from '@regie/core';
import { BENCHMARK_READ_ACTIONS } from '@regie/db/access';
import { tableDefinition } from '@regie/db/table';
import type { AssumeRoleInput } from '../api/sts.ts';

/** The session tag the benchmark read role's trust policy demands (the participant's space). */
export const SPACE_TAG = 'space';

/**
 * The AssumeRole request for reading ONE participant of the benchmark (a member municipality that opted in, or
 * the region itself): the read role, tagged with that space, narrowed once more by a session policy to read-only
 * actions on `<space>#*` — the same bound the role's own policy draws from the tag (infra/lib/stacks/jobs-stack.ts).
 * A provider space, or anything but a valid space, is refused before any call.
 */
export function benchmarkReadSession(
  options: { roleArn: string; tableArn: string; sessionSeconds?: number },
  space: string,
): AssumeRoleInput {
  if (!isSpace(space) || spaceKind(space) === 'provider') {
    throw new Error(`Not a benchmark participant: ${JSON.stringify(space)}`);
  }
  const resources = [
    options.tableArn,
    ...tableDefinition.indexes.map((index) => `${options.tableArn}/index/${index.name}`),
  ];
  return {
    RoleArn: options.roleArn,
    RoleSessionName: `regie-benchmark-${space}`,
    DurationSeconds: options.sessionSeconds ?? 900,
    Tags: [{ Key: SPACE_TAG, Value: space }],
    Policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'OneParticipantReadOnly',
          Effect: 'Allow',
          Action: [...BENCHMARK_READ_ACTIONS],
          Resource: resources,
          Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${space}#*`] } },
        },
      ],
    }),
  };
}
