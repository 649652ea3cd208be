import {
  Button,
  ButtonGroup,
  ButtonLink,
  Paragraph,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { errorIssues } from '../../lib/errors';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { useMutationError } from '../../lib/mutation-error';
import {
  CONTACT_SIDES,
  ROLE_KEYS,
  ROLES_WITH_PORTFOLIO_HOLDER,
  type RoleKey,
  STEERING_LIMITS,
} from '../../lib/steering/model';
import {
  ConflictAlert,
  type EditorProps,
  Fieldset,
  fieldId,
  Hidden,
  SteeringEditorPage,
  useSteeringMessages,
  useSteeringUpdate,
} from './fields';
import { RoleConflictAlert } from './SteeringSection';
import {
  type ContactRow,
  newContactRow,
  type RolesValues,
  rolesFieldOrder,
  rolesValues,
  type SteeringErrors,
  sameRoles,
  sharedPortfolioHolder,
  steeringIssues,
  validateRoles,
  withoutStale,
} from './steering-form';

const id = (path: string) => fieldId('roles', path);

function RolesForm({ agreement, steering, reloaded, onReload }: EditorProps) {
  const { t } = useTranslation();
  const [base] = useState(steering);
  const [values, setValues] = useState<RolesValues>(() => rolesValues(base.roles));
  const [clientErrors, setClientErrors] = useState<SteeringErrors>({});
  const [serverErrors, setServerErrors] = useState<SteeringErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [notice, setNotice] = useState(reloaded ? t('agreementForm.reloaded') : '');
  const [announcement, setAnnouncement] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const order = rolesFieldOrder(values);
  const errorFor = useSteeringMessages(clientErrors, serverErrors);
  const shared = sharedPortfolioHolder(values);

  useEffect(() => {
    if (reloaded) document.getElementById(id('opdrachtgever.name'))?.focus();
  }, [reloaded]);

  // Issues on a field of this form are said there in the form's own words; the rest, and every other refusal,
  // in the general message from the server's reason key. A stale version offers a reload instead.
  const failed = useMutationError({
    fieldOf: (path) => Object.keys(steeringIssues([{ path, message: '' }], order).errors)[0],
    messages: { forbidden: t('steering.forbidden') },
  });
  const conflict = failed.kind === 'conflict';
  const update = useSteeringUpdate(agreement.id, (error) =>
    failed.handle(error, {
      onFailure: ({ kind, fieldErrors }) => {
        // A field without a wording of its own here gets the text of its issue's reason key.
        const placed = steeringIssues(errorIssues(error), order).errors;
        setServerErrors(
          Object.fromEntries(
            Object.entries(placed).map(([field, e]) => [
              field,
              'text' in e ? { text: fieldErrors[field] ?? '' } : e,
            ]),
          ),
        );
        if (kind !== 'conflict') focusSoon(() => summaryRef.current);
      },
    }),
  );

  function change(next: RolesValues, changed: string) {
    setValues(next);
    setNotice('');
    if (attempted) {
      const result = validateRoles(next);
      setClientErrors(result.ok ? {} : result.errors);
    }
    setServerErrors((previous) => withoutStale(previous, changed));
  }
  function setPerson(key: RoleKey, field: 'name' | 'portfolioHolder', value: string) {
    const persons = { ...values.persons, [key]: { ...values.persons[key], [field]: value } };
    change({ ...values, persons }, `${key}.${field}`);
  }
  function setContact(index: number, field: keyof Omit<ContactRow, 'key'>, value: string) {
    const contacts = values.contacts.map((row, i) => (i === index ? { ...row, [field]: value } : row));
    change({ ...values, contacts }, `contacts.${index}.${field}`);
  }
  function addContact() {
    change({ ...values, contacts: [...values.contacts, newContactRow()] }, 'contacts');
    const index = values.contacts.length;
    focusSoon(() => document.getElementById(id(`contacts.${index}.side`)));
  }
  function removeContact(index: number) {
    change({ ...values, contacts: values.contacts.filter((_, i) => i !== index) }, 'contacts');
    setAnnouncement(t('steering.rolesForm.contactRemoved', { n: index + 1 }));
    focusSoon(() => addRef.current);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    setAttempted(true);
    setServerErrors({});
    failed.reset();
    const result = validateRoles(values);
    if (!result.ok) {
      setClientErrors(result.errors);
      focusSoon(() => summaryRef.current);
      return;
    }
    setClientErrors({});
    if (sameRoles(result.roles, base.roles)) {
      setNotice(t('steering.rolesForm.noChanges'));
      return;
    }
    // Roles only: the relation decision stays as it is.
    update.mutate({ agreementId: agreement.id, expectedVersion: base.version, roles: result.roles });
  }

  const text = (
    path: string,
    label: string,
    value: string,
    onChange: (value: string) => void,
    extra = {},
  ) => (
    <Field id={id(path)} label={label} error={errorFor(path)}>
      {(props) => (
        <Textbox
          {...props}
          {...extra}
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
  const optional = (label: string) => `${label} ${t('agreementForm.optional')}`;

  return (
    <>
      {conflict ? <ConflictAlert conflictRef={failed.summaryRef} onReload={() => void onReload()} /> : null}
      <ErrorSummary
        title={t('agreementForm.summaryTitle')}
        general={!conflict && failed.summary ? [failed.summary] : []}
        fields={order.flatMap((path) => {
          const text = errorFor(path);
          return text ? [{ id: id(path), text }] : [];
        })}
        summaryRef={summaryRef}
      />
      <form className="regie-form" noValidate onSubmit={submit}>
        {ROLE_KEYS.map((key) => (
          <Fieldset
            key={key}
            id={id(key)}
            legend={t(`steering.roles.${key}`)}
            hint={t(`steering.roleHints.${key}`)}
          >
            <div className="regie-form__row">
              {text(`${key}.name`, optional(t('steering.rolesForm.name')), values.persons[key].name, (v) =>
                setPerson(key, 'name', v),
              )}
              {ROLES_WITH_PORTFOLIO_HOLDER.includes(key)
                ? text(
                    `${key}.portfolioHolder`,
                    optional(t('steering.rolesForm.portfolioHolder')),
                    values.persons[key].portfolioHolder,
                    (v) => setPerson(key, 'portfolioHolder', v),
                  )
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
          error={errorFor('contacts')}
        >
          {values.contacts.length === 0 ? (
            <Paragraph className="regie-empty">{t('steering.rolesForm.noContacts')}</Paragraph>
          ) : null}
          {values.contacts.map((row, i) => {
            const at = (field: string) => `contacts.${i}.${field}`;
            const legend = t('steering.rolesForm.contactLegend', { n: i + 1 });
            return (
              <Fieldset
                key={row.key}
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
                      <Select
                        {...props}
                        value={row.side}
                        onChange={(e) => setContact(i, 'side', e.target.value)}
                      >
                        <SelectOption value="">{t('agreementForm.choose')}</SelectOption>
                        {CONTACT_SIDES.map((side) => (
                          <SelectOption key={side} value={side}>
                            {t(`steering.sides.${side}`)}
                          </SelectOption>
                        ))}
                      </Select>
                    )}
                  </Field>
                  {text(at('name'), t('steering.rolesForm.contactName'), row.name, (v) =>
                    setContact(i, 'name', v),
                  )}
                  {text(at('role'), t('steering.rolesForm.contactRole'), row.role, (v) =>
                    setContact(i, 'role', v),
                  )}
                </div>
                <div className="regie-form__row">
                  {text(
                    at('email'),
                    optional(t('steering.rolesForm.email')),
                    row.email,
                    (v) => setContact(i, 'email', v),
                    {
                      type: 'email',
                      inputMode: 'email',
                      autoComplete: 'off',
                    },
                  )}
                  {text(
                    at('phone'),
                    optional(t('steering.rolesForm.phone')),
                    row.phone,
                    (v) => setContact(i, 'phone', v),
                    {
                      type: 'tel',
                      inputMode: 'tel',
                    },
                  )}
                  <Button
                    appearance="subtle-button"
                    className="regie-row-remove"
                    onClick={() => removeContact(i)}
                  >
                    {t('agreementForm.remove')}
                    <Hidden> {legend}</Hidden>
                  </Button>
                </div>
              </Fieldset>
            );
          })}
          <Button
            ref={addRef}
            appearance="secondary-action-button"
            disabled={values.contacts.length >= STEERING_LIMITS.contacts}
            onClick={addContact}
          >
            {t('steering.rolesForm.addContact')}
          </Button>
        </Fieldset>

        <div role="status" aria-live="polite" className="regie-status">
          {update.isPending ? t('agreementForm.saving') : notice}
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={update.isPending}>
            {t('steering.rolesForm.save')}
          </Button>
          <Link href={`/agreements/${encodeURIComponent(agreement.id)}`} asChild>
            <ButtonLink appearance="secondary-action-button">{t('agreementForm.cancel')}</ButtonLink>
          </Link>
        </ButtonGroup>
      </form>
      <div role="status" aria-live="polite" className="regie-visually-hidden">
        {announcement}
      </div>
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
