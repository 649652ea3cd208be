import type { User } from '@regie/core/browser';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { focusSoon } from '../../lib/form';
import { MutationErrorAlert } from '../../lib/mutation-error';
import { useOutcome } from '../../lib/outcome';
import { PageHeading, usePageTitle } from '../../lib/page';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { useConfirm } from '../../ui/Dialog';
import { Section } from '../../ui/Section';
import { InviteForm } from './InviteForm';
import { managesPeople, rolesOffered, sortPeople } from './model';
import { PeopleTable, rolesButtonId } from './PeopleTable';
import { RolesEditor } from './RolesEditor';
import { useUserUpdate } from './useUserUpdate';

const PAGE_SIZE = 100;

/**
 * `/admin/people` (Beheer → Mensen): the space's administrator lists its people, invites a colleague, changes
 * roles and disables or re-enables a person. Everyone else reads that this is for the administrator, and the page
 * calls nothing it would be refused.
 */
export function PeoplePage() {
  const { t } = useTranslation();
  usePageTitle(t('people.title'));
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  const allowed = managesPeople(me.data?.roles ?? []);
  return (
    <div className="regie-people">
      <PageHeading>{t('people.title')}</PageHeading>
      {me.data && !allowed ? <Paragraph>{t('people.notForYou')}</Paragraph> : null}
      {me.data && allowed ? (
        <People me={me.data} organisation={me.data.organisation.name} kind={me.data.organisation.kind} />
      ) : null}
    </div>
  );
}

function People({
  me,
  organisation,
  kind,
}: {
  me: { key: string; roles: readonly string[] };
  organisation: string;
  kind: string;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const offered = useMemo(() => rolesOffered(kind), [kind]);
  const [editing, setEditing] = useState<string | null>(null);
  const { announce, outcome } = useOutcome('people-outcome');
  const { confirm, dialog } = useConfirm();
  const toggle = useUserUpdate((user, input) =>
    announce(t(input.disabled ? 'people.disabledDone' : 'people.enabledDone', { name: user.name })),
  );

  const input = { limit: PAGE_SIZE };
  const list = useInfiniteQuery({
    queryKey: trpc.user.list.infiniteQueryKey(input),
    queryFn: ({ pageParam, signal }) =>
      client.user.list.query(pageParam ? { ...input, cursor: pageParam } : input, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = sortPeople(list.data?.pages.flatMap((page) => page.items) ?? []);
  const editingUser = rows.find((u) => u.key === editing);

  async function setDisabled(user: User, disabled: boolean) {
    const name = user.name;
    const yes = await confirm(
      disabled
        ? {
            title: t('people.disableTitle', { name }),
            text: t('people.disableText', { name }),
            confirmLabel: t('people.disableConfirm'),
          }
        : {
            title: t('people.enableTitle', { name }),
            text: t('people.enableText', { name }),
            confirmLabel: t('people.enableConfirm'),
          },
    );
    if (yes) toggle.mutation.mutate({ key: user.key, expectedVersion: user.version, disabled });
  }

  let status: string | null = null;
  if (list.isFetchingNextPage) status = t('people.loadingMore');
  else if (list.isSuccess && !list.isPlaceholderData) status = t('people.shown', { count: rows.length });

  return (
    <>
      <Paragraph appearance="lead">{t('people.intro', { organisation })}</Paragraph>
      <Alert type="info">
        <Paragraph data-testid="people-next-sign-in">{t('people.nextSignIn')}</Paragraph>
      </Alert>
      {me.roles.includes('admin') ? (
        <Paragraph>
          <Link href="/admin" className="utrecht-link">
            {t('people.toSettings')}
          </Link>
        </Paragraph>
      ) : null}
      <Section id="people-list" title={t('people.listTitle')}>
        {outcome}
        <MutationErrorAlert failure={toggle.failure} testId="people-error" />
        <PeopleTable
          rows={rows}
          me={me}
          organisation={organisation}
          query={list}
          status={status}
          editing={editing}
          busyKey={toggle.mutation.isPending ? (toggle.mutation.variables?.key ?? null) : null}
          onEditRoles={(user) => setEditing((current) => (current === user.key ? null : user.key))}
          onSetDisabled={(user, disabled) => void setDisabled(user, disabled)}
        />
        {list.hasNextPage ? (
          <div className="regie-load-more">
            <Button
              appearance="secondary-action-button"
              busy={list.isFetchingNextPage}
              disabled={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {t('people.loadMore')}
            </Button>
          </div>
        ) : null}
      </Section>
      {editingUser ? (
        <RolesEditor
          key={editingUser.key}
          user={editingUser}
          offered={offered}
          onSaved={(text) => {
            setEditing(null);
            announce(text);
          }}
          onClose={() => {
            setEditing(null);
            focusSoon(() => document.getElementById(rolesButtonId(editingUser.key)));
          }}
        />
      ) : null}
      <InviteForm offered={offered} />
      {dialog}
    </>
  );
}
