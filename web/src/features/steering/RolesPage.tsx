import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import {
  CONTACT_SIDES,
  ROLES_WITH_PORTFOLIO_HOLDER,
  STEERING_ROLE_KEYS,
  type SteeringRoles,
} from '@regie/core/browser';
import {
  Button,
  ButtonGroup,
  ButtonLink,
  Paragraph,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { get, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { deepestField, orderedErrors, setServerErrors, useErrorText } from '../../lib/form-schema';
import { useMutationError } from '../../lib/mutation-error';
import { Fieldset } from '../../ui/Fieldset';
import { RemoveRowButton } from '../../ui/RemoveRowButton';
import { StatusLine } from '../../ui/StatusLine';
import { ConflictAlert, type EditorProps, fieldId, SteeringEditorPage, useSteeringUpdate } from './fields';
import { RoleConflictAlert } from './SteeringSection';
import {
  newContactRow,
  type RolesValues,
  rolesFieldOrder,
  rolesSchema,
  rolesValues,
  sameRoles,
  sharedPortfolioHolder,
} from './steering-form';

/** The add button stops where the API's schema does (`contacts` at most 20). */
const CONTACTS_MAX = 20;
const id = (path: string) => fieldId('roles', path);

function RolesForm({ agreement, steering, reloaded, onReload }: EditorProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [base] = useState(steering);
  const form = useForm<RolesValues, unknown, SteeringRoles>({
    defaultValues: rolesValues(base.roles),
    resolver: standardSchemaResolver(rolesSchema),
    shouldFocusError: false,
  });
  const contacts = useFieldArray({ control: form.control, name: 'contacts' });
  const [conflict, setConflict] = useState(false);
  const [notice, setNotice] = useState(reloaded ? t('agreementForm.reloaded') : '');
  const [announcement, setAnnouncement] = useState('');
  const conflictRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const order = rolesFieldOrder({ contacts: contacts.fields });
  const errors = form.formState.errors;
  const errorFor = (path: string) => errorText(get(errors, path));
  const shared = sharedPortfolioHolder(form.watch());

  useEffect(() => {
    if (reloaded) document.getElementById(id('opdrachtgever.name'))?.focus();
  }, [reloaded]);

  const failure = useMutationError({
    fieldOf: deepestField(order, /^roles(\.|$)/),
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

  function addContact() {
    const index = contacts.fields.length;
    contacts.append(newContactRow(), { shouldFocus: false });
    focusSoon(() => document.getElementById(id(`contacts.${index}.side`)));
  }
  function removeContact(index: number) {
    contacts.remove(index);
    setAnnouncement(t('steering.rolesForm.contactRemoved', { n: index + 1 }));
    focusSoon(() => addRef.current);
  }

  const submit = form.handleSubmit(
    (roles) => {
      if (update.isPending) return;
      if (sameRoles(roles, base.roles)) {
        setNotice(t('steering.rolesForm.noChanges'));
        return;
      }
      // Roles only: the relation decision stays as it is.
      update.mutate({ agreementId: agreement.id, expectedVersion: base.version, roles });
    },
    () => focusSoon(() => summaryRef.current),
  );

  const text = (path: string, label: string, extra = {}) => (
    <Field id={id(path)} label={label} error={errorFor(path)}>
      {(props) => (
        <Textbox {...props} {...extra} autoComplete="off" {...form.register(path as 'opdrachtgever.name')} />
      )}
    </Field>
  );
  const optional = (label: string) => `${label} ${t('agreementForm.optional')}`;

  return (
    <>
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
        {STEERING_ROLE_KEYS.map((key) => (
          <Fieldset
            key={key}
            id={id(key)}
            legend={t(`steering.roles.${key}`)}
            hint={t(`steering.roleHints.${key}`)}
          >
            <div className="regie-form__row">
              {text(`${key}.name`, optional(t('steering.rolesForm.name')))}
              {ROLES_WITH_PORTFOLIO_HOLDER.includes(key)
                ? text(`${key}.portfolioHolder`, optional(t('steering.rolesForm.portfolioHolder')))
                : null}
            </div>
          </Fieldset>
        ))}
        <div aria-live="polite" className="regie-outcome">
          {shared ? <RoleConflictAlert holder={shared} /> : null}
        </div>

        <Fieldset
          id={id('contacts')}
          legend={t('steering.rolesForm.contactsLegend')}
          hint={t('steering.rolesForm.contactsHint')}
          error={errorText(errors.contacts?.root ?? errors.contacts)}
        >
          {contacts.fields.length === 0 ? (
            <Paragraph className="regie-empty">{t('steering.rolesForm.noContacts')}</Paragraph>
          ) : null}
          {contacts.fields.map((row, i) => {
            const at = (field: string) => `contacts.${i}.${field}`;
            const legend = t('steering.rolesForm.contactLegend', { n: i + 1 });
            return (
              <Fieldset
                key={row.id}
                id={`roles-contact-${i}`}
                legend={legend}
                className="regie-fieldset--row"
              >
                <div className="regie-form__row">
                  <Field
                    id={id(at('side'))}
                    label={t('steering.rolesForm.side')}
                    error={errorFor(at('side'))}
                  >
                    {(props) => (
                      <Select {...props} {...form.register(`contacts.${i}.side`)}>
                        <SelectOption value="">{t('agreementForm.choose')}</SelectOption>
                        {CONTACT_SIDES.map((side) => (
                          <SelectOption key={side} value={side}>
                            {t(`steering.sides.${side}`)}
                          </SelectOption>
                        ))}
                      </Select>
                    )}
                  </Field>
                  {text(at('name'), t('steering.rolesForm.contactName'))}
                  {text(at('role'), t('steering.rolesForm.contactRole'))}
                </div>
                <div className="regie-form__row">
                  {text(at('email'), optional(t('steering.rolesForm.email')), {
                    type: 'email',
                    inputMode: 'email',
                  })}
                  {text(at('phone'), optional(t('steering.rolesForm.phone')), {
                    type: 'tel',
                    inputMode: 'tel',
                  })}
                  <RemoveRowButton row={legend} onClick={() => removeContact(i)} />
                </div>
              </Fieldset>
            );
          })}
          <Button
            ref={addRef}
            appearance="secondary-action-button"
            disabled={contacts.fields.length >= CONTACTS_MAX}
            onClick={addContact}
          >
            {t('steering.rolesForm.addContact')}
          </Button>
        </Fieldset>
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
    </>
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
    >
      {(props) => <RolesForm {...props} />}
    </SteeringEditorPage>
  );
}
