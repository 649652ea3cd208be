import type { Role, User } from '@regie/core/browser';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../../lib/agreements/labels';
import { MutationErrorAlert } from '../../lib/mutation-error';
import { Section } from '../../ui/Section';
import { StatusLine } from '../../ui/StatusLine';
import { orderedRoles, sameRoles } from './model';
import { RoleChoices } from './RoleChoices';
import { useUserUpdate } from './useUserUpdate';

/** Changing one person's roles (`user.update {key, expectedVersion, roles}`); the change applies at its next token. */
export function RolesEditor({
  user,
  offered,
  onSaved,
  onClose,
}: {
  user: User;
  offered: readonly Role[];
  onSaved: (text: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Role[]>(() => orderedRoles(user.roles));
  const [error, setError] = useState<string | undefined>();
  const headingRef = useRef<HTMLDivElement>(null);
  const { mutation, failure } = useUserUpdate((saved) => {
    const roles = saved.roles.map((role) => roleLabel(t, role)).join(', ');
    onSaved(t('people.rolesSaved', { name: saved.name, roles }));
  });
  // Focus moves into the editor when it opens, so keyboard users start at the roles.
  useEffect(() => headingRef.current?.querySelector('input')?.focus(), []);

  function save() {
    if (mutation.isPending) return;
    if (chosen.length === 0) {
      setError(t('people.errors.rolesRequired'));
      return;
    }
    setError(undefined);
    if (sameRoles(chosen, user.roles)) {
      onSaved(t('people.rolesUnchanged'));
      return;
    }
    mutation.mutate({ key: user.key, expectedVersion: user.version, roles: chosen });
  }
  const toggle = (role: Role, on: boolean) =>
    setChosen((list) => orderedRoles(on ? [...list, role] : list.filter((r) => r !== role)));

  return (
    <Section id="roles-editor" title={t('people.rolesOf', { name: user.name })}>
      <Paragraph>{t('people.nextSignIn')}</Paragraph>
      <MutationErrorAlert failure={failure} testId="roles-error" />
      <form
        className="regie-form"
        noValidate
        data-testid="roles-form"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <div ref={headingRef}>
          <RoleChoices
            id="roles-editor-roles"
            legend={t('people.rolesLegend')}
            offered={offered}
            chosen={chosen}
            error={error}
            input={(role) => ({
              checked: chosen.includes(role),
              onChange: (event) => toggle(role, event.target.checked),
            })}
          />
        </div>
        <StatusLine>{mutation.isPending ? t('people.saving') : null}</StatusLine>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={mutation.isPending}>
            {t('people.saveRoles')}
          </Button>
          <Button appearance="secondary-action-button" onClick={onClose}>
            {t('people.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </Section>
  );
}
