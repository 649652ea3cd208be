import type { User } from '@regie/core/browser';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../../lib/agreements/labels';
import { type Column, DataTable } from '../../ui/DataTable';
import { Hidden } from '../../ui/Fieldset';
import type { ListQuery } from '../../ui/QueryState';
import { canDisable, orderedRoles } from './model';

/** The id of a person's "Rollen wijzigen" button: focus returns there when the roles editor closes. */
export const rolesButtonId = (key: string) => `change-roles-${key}`;

/** The people of the space: name, e-mail, roles in words, status, and what the admin can do per person. */
export function PeopleTable({
  rows,
  me,
  organisation,
  query,
  status,
  editing,
  busyKey,
  onEditRoles,
  onSetDisabled,
}: {
  rows: readonly User[];
  me: { key: string };
  organisation: string;
  query: ListQuery;
  status: string | null;
  editing: string | null;
  busyKey: string | null;
  onEditRoles: (user: User) => void;
  onSetDisabled: (user: User, disabled: boolean) => void;
}) {
  const { t } = useTranslation();
  const columns: Column<User>[] = [
    {
      key: 'name',
      header: t('people.name'),
      rowHeader: true,
      cell: (u) => (u.key === me.key ? `${u.name} ${t('people.you')}` : u.name),
    },
    { key: 'email', header: t('people.email'), cell: (u) => u.email ?? t('people.noEmail') },
    {
      key: 'roles',
      header: t('people.roles'),
      cell: (u) =>
        orderedRoles(u.roles)
          .map((role) => roleLabel(t, role))
          .join(', '),
    },
    {
      key: 'status',
      header: t('people.status'),
      nowrap: true,
      cell: (u) => (
        <span data-testid="person-status">{u.disabled ? t('people.disabled') : t('people.active')}</span>
      ),
    },
    {
      key: 'actions',
      header: t('people.actions'),
      hiddenHeader: true,
      cell: (u) => (
        <ButtonGroup className="regie-table__buttons">
          <Button
            id={rolesButtonId(u.key)}
            appearance="secondary-action-button"
            aria-expanded={editing === u.key}
            aria-controls={editing === u.key ? 'roles-editor' : undefined}
            onClick={() => onEditRoles(u)}
          >
            {t('people.changeRoles')} <Hidden>{t('people.ofUser', { name: u.name })}</Hidden>
          </Button>
          {u.disabled ? (
            <Button
              appearance="secondary-action-button"
              busy={busyKey === u.key}
              disabled={busyKey !== null}
              onClick={() => onSetDisabled(u, false)}
            >
              {t('people.enable')} <Hidden>{u.name}</Hidden>
            </Button>
          ) : canDisable(u, me) ? (
            <Button
              appearance="secondary-action-button"
              busy={busyKey === u.key}
              disabled={busyKey !== null}
              onClick={() => onSetDisabled(u, true)}
            >
              {t('people.disable')} <Hidden>{u.name}</Hidden>
            </Button>
          ) : null}
        </ButtonGroup>
      ),
    },
  ];
  return (
    <DataTable
      caption={t('people.caption', { organisation })}
      columns={columns}
      rows={rows}
      rowKey={(u) => u.key}
      rowTestId={(u) => `person-${u.email ?? u.key}`}
      testId="people-table"
      state={{
        query,
        loading: t('people.loading'),
        error: t('people.error'),
        empty: t('people.none'),
        status,
      }}
    />
  );
}
