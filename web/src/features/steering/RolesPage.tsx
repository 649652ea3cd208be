import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { ROLES_WITH_PORTFOLIO_HOLDER, STEERING_ROLE_KEYS, type SteeringRoles } from '@regie/core/browser';
import { Button, ButtonGroup, ButtonLink } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { FormProvider, get, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorSummary, focusSoon } from '../../lib/form';
import { deepestField, orderedErrors, setServerErrors, useErrorText } from '../../lib/form-schema';
import { localeFor } from '../../lib/format';
import { useMutationError } from '../../lib/mutation-error';
import { Fieldset } from '../../ui/Fieldset';
import { StatusLine } from '../../ui/StatusLine';
import { ContactsFields } from './ContactsFields';
import { ConflictAlert, type EditorProps, fieldId, SteeringEditorPage, useSteeringUpdate } from './fields';
import { MemberRolesFields } from './MemberRolesFields';
import { type FormParts, RoleFields } from './RtvbFields';
import { rtvbField, withOwnRow } from './rtvb-form';
import { RoleConflictAlert } from './SteeringSection';
import {
  type RolesValues,
  rolesFieldOrder,
  rolesSchemaFor,
  rolesValues,
  sameRoles,
  sharedPortfolioHolder,
} from './steering-form';

const id = (path: string) => fieldId('roles', path);

function RolesForm({ agreement, steering, reloaded, onReload, access, mySpace }: EditorProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [base] = useState(steering);
  const [locale] = useState(() => localeFor(i18n.language));
  const [schema] = useState(() => rolesSchemaFor(locale));
  const form = useForm<RolesValues, unknown, SteeringRoles>({
    defaultValues: rolesValues(base.roles, base.grMembers ?? [], locale),
    resolver: standardSchemaResolver(schema),
    shouldFocusError: false,
  });
  const [conflict, setConflict] = useState(false);
  const [notice, setNotice] = useState(reloaded ? t('agreementForm.reloaded') : '');
  const [announcement, setAnnouncement] = useState('');
  const conflictRef = useRef<HTMLDivElement>(null);
  const values = form.watch();
  const order = rolesFieldOrder(values);
  const errors = form.formState.errors;
  const shared = sharedPortfolioHolder(values);
  const parts: FormParts = {
    id,
    errorFor: (path) => errorText(get(errors, path)),
    announce: setAnnouncement,
  };

  useEffect(() => {
    if (reloaded) document.getElementById(id('opdrachtgever.name'))?.focus();
  }, [reloaded]);

  // The API names a line by its index and an amount as cents; the form's fields are `.text` and `.amount`.
  const deepest = deepestField(order, /^roles(\.|$)/);
  const failure = useMutationError({
    fieldOf: (path) => deepest(rtvbField(path)),
    messages: {
      invalid: t('steering.errors.rejected'),
      forbidden: t('steering.forbidden'),
      notFound: t('agreementDetail.notFound'),
      unknown: t('steering.errors.failed'),
      network: t('steering.errors.failed'),
    },
    onConflict: () => {
      setConflict(true);
      focusSoon(() => conflictRef.current);
    },
    onFailure: (described) => setServerErrors(form, described.fieldErrors),
  });
  const summaryRef = failure.summaryRef;
  const update = useSteeringUpdate(agreement.id, (error) => failure.onError(error));

  const submit = form.handleSubmit(
    (roles) => {
      if (update.isPending) return;
      if (sameRoles(roles, base.roles)) {
        setNotice(t('steering.rolesForm.noChanges'));
        return;
      }
      // Roles only: the relation decision stays as it is. A member sends the stored roles with its own row only
      // replaced, so nothing else it could not change travels back.
      update.mutate({
        agreementId: agreement.id,
        expectedVersion: base.version,
        roles: access === 'ownRow' ? withOwnRow(base.roles, roles, mySpace) : roles,
      });
    },
    () => focusSoon(() => summaryRef.current),
  );

  return (
    <FormProvider {...form}>
      {conflict ? <ConflictAlert conflictRef={conflictRef} onReload={() => void onReload()} /> : null}
      <ErrorSummary
        title={t('agreementForm.summaryTitle')}
        general={failure.summary && failure.kind !== 'conflict' ? [failure.summary] : []}
        fields={orderedErrors(errors, order).map(([path, error]) => ({
          id: id(path),
          text: errorText(error) ?? '',
        }))}
        summaryRef={summaryRef}
      />
      <form
        className="regie-form"
        noValidate
        onChange={() => setNotice('')}
        onSubmit={(event) => {
          failure.reset();
          setConflict(false);
          void submit(event);
        }}
      >
        {access === 'all' ? (
          <>
            {STEERING_ROLE_KEYS.map((key) => (
              <Fieldset
                key={key}
                id={id(key)}
                legend={t(`steering.roles.${key}`)}
                hint={t(`steering.roleHints.${key}`)}
              >
                <RoleFields
                  prefix={key}
                  withHolder={ROLES_WITH_PORTFOLIO_HOLDER.includes(key)}
                  parts={parts}
                />
              </Fieldset>
            ))}
            <div aria-live="polite" className="regie-outcome">
              {shared ? <RoleConflictAlert holder={shared} /> : null}
            </div>
          </>
        ) : null}
        <MemberRolesFields parts={parts} only={access === 'ownRow' ? mySpace : undefined} />
        {access === 'all' ? <ContactsFields parts={parts} /> : null}
        <StatusLine>{update.isPending ? t('agreementForm.saving') : notice}</StatusLine>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={update.isPending}>
            {t('steering.rolesForm.save')}
          </Button>
          <Link href={`/agreements/${encodeURIComponent(agreement.id)}`} asChild>
            <ButtonLink appearance="secondary-action-button">{t('agreementForm.cancel')}</ButtonLink>
          </Link>
        </ButtonGroup>
      </form>
      <StatusLine hidden>{announcement}</StatusLine>
    </FormProvider>
  );
}

/** `/agreements/:id/roles`: roles, tasks, responsibilities and authorities (SPEC §4.2) and contact persons. */
export function RolesPage({ id: agreementId }: { id: string }) {
  const { t } = useTranslation();
  return (
    <SteeringEditorPage
      id={agreementId}
      title={t('steering.rolesForm.title')}
      pageTitle={(reference) => t('steering.rolesForm.pageTitle', { reference })}
      intro={t('steering.rolesForm.intro')}
      ownRow
    >
      {(props) => <RolesForm {...props} />}
    </SteeringEditorPage>
  );
}
