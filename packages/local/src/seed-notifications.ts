import { type Db, notificationRepository, type Scope } from '@regie/db';
import { SEED_SPACES, SEED_USERS } from './seed.ts';

const DAY = 86_400_000;

/** How long ago the seed's calamity notification was filed: well past its one-working-day response time. */
export const SEED_NOTIFICATION_AGE_DAYS = 10;

/** The seed's overdue event notification (issue 14 point 3): Kompas reported a calamity Ermelo never answered. */
export const SEED_NOTIFICATION = {
  agreementId: 'erm-jh-2025',
  dutyId: 'jh-calamiteit',
  by: 'kompas.reporter',
  description:
    'Calamiteit bij een cliënt (val tijdens begeleiding, ziekenhuisopname). De Inspectie is geïnformeerd; wij evalueren de werkwijze.',
} as const;

function scopeOf(userKey: string): Scope {
  const u = SEED_USERS.find((s) => s.key === userKey)!;
  const space = SEED_SPACES.find((s) => s.space === u.space)!;
  return {
    space: u.space,
    reach: [u.space, ...(space.memberOf ?? [])],
    actor: u.key,
    actorName: u.name,
    organisation: u.space,
    roles: u.roles,
  };
}

/**
 * Files the notification through the repository with its clock set back (the API never takes a client's date), so
 * its deadline has passed on the day the seed loads: the dashboard and the agreement show it overdue.
 */
export async function seedNotifications(db: Db): Promise<void> {
  const filedAt = new Date(Date.now() - SEED_NOTIFICATION_AGE_DAYS * DAY);
  const repo = notificationRepository(
    db,
    scopeOf(SEED_NOTIFICATION.by),
    async () => db,
    () => filedAt,
  );
  const { by: _by, ...input } = SEED_NOTIFICATION;
  await repo.file({
    ...input,
    figures: [{ label: 'Betrokken cliënten', value: 1, unit: 'cliënt' }],
  });
}
