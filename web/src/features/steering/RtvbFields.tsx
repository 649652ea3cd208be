import { Button, Textbox } from '@utrecht/component-library-react';
import { useRef } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field, focusSoon } from '../../lib/form';
import { Fieldset } from '../../ui/Fieldset';
import { RemoveRowButton } from '../../ui/RemoveRowButton';
import { type ListKey, RTVB_LIST_MAX } from './rtvb-form';
import type { RolesValues } from './steering-form';

/** What every part of the roles form needs from the form around it. */
export interface FormParts {
  /** The input id of a field path. */
  id: (path: string) => string;
  /** The field's error, translated. */
  errorFor: (path: string) => string | undefined;
  /** Says something to screen readers (a removed row). */
  announce: (text: string) => void;
}

/** Paths inside the form's values, as react-hook-form takes them (built from a role's prefix). */
type AnyPath = 'opdrachtgever.name';
type AnyList = 'opdrachtgever.tasks';
type AnyAuthorities = 'opdrachtgever.authorities';

/** A one-line text field of the roles form. */
export function TextField({
  path,
  label,
  parts,
  extra,
  hint,
}: {
  path: string;
  label: string;
  parts: FormParts;
  extra?: Record<string, string>;
  hint?: string;
}) {
  const { register } = useFormContext<RolesValues>();
  return (
    <Field id={parts.id(path)} label={label} hint={hint} error={parts.errorFor(path)}>
      {(props) => <Textbox {...props} {...extra} autoComplete="off" {...register(path as AnyPath)} />}
    </Field>
  );
}

/** Tasks or responsibilities of one role: a line per row, added and removed (at most `RTVB_LIST_MAX`). */
function LineList({ prefix, list, parts }: { prefix: string; list: ListKey; parts: FormParts }) {
  const { t } = useTranslation();
  const { control } = useFormContext<RolesValues>();
  const rows = useFieldArray({ control, name: `${prefix}.${list}` as AnyList });
  const addRef = useRef<HTMLButtonElement>(null);
  const path = `${prefix}.${list}`;
  const label = (n: number) => t(list === 'tasks' ? 'rtvb.task' : 'rtvb.responsibility', { n });
  function add() {
    const index = rows.fields.length;
    rows.append({ text: '' }, { shouldFocus: false });
    focusSoon(() => document.getElementById(parts.id(`${path}.${index}.text`)));
  }
  return (
    <Fieldset
      id={parts.id(path)}
      legend={t(`rtvb.${list}`)}
      error={parts.errorFor(path)}
      className="regie-fieldset--row"
    >
      {rows.fields.map((row, i) => (
        <div className="regie-form__row" key={row.id}>
          <TextField path={`${path}.${i}.text`} label={label(i + 1)} parts={parts} />
          <RemoveRowButton
            row={`${label(i + 1)} (${t(`rtvb.${list}`).toLowerCase()})`}
            onClick={() => {
              rows.remove(i);
              parts.announce(t('rtvb.removed', { row: label(i + 1) }));
              focusSoon(() => addRef.current);
            }}
          />
        </div>
      ))}
      <Button
        ref={addRef}
        appearance="secondary-action-button"
        disabled={rows.fields.length >= RTVB_LIST_MAX}
        onClick={add}
      >
        {t(list === 'tasks' ? 'rtvb.addTask' : 'rtvb.addResponsibility')}
      </Button>
    </Fieldset>
  );
}

/** What a role may decide, each with an optional amount in euros (typed the Dutch way: `25.000`, `1.234,56`). */
function AuthorityList({ prefix, parts }: { prefix: string; parts: FormParts }) {
  const { t } = useTranslation();
  const { control } = useFormContext<RolesValues>();
  const rows = useFieldArray({ control, name: `${prefix}.authorities` as AnyAuthorities });
  const addRef = useRef<HTMLButtonElement>(null);
  const path = `${prefix}.authorities`;
  function add() {
    const index = rows.fields.length;
    rows.append({ what: '', amount: '' }, { shouldFocus: false });
    focusSoon(() => document.getElementById(parts.id(`${path}.${index}.what`)));
  }
  return (
    <Fieldset
      id={parts.id(path)}
      legend={t('rtvb.authorities')}
      error={parts.errorFor(path)}
      className="regie-fieldset--row"
    >
      {rows.fields.map((row, i) => {
        const legend = t('rtvb.authority', { n: i + 1 });
        const at = (field: string) => `${path}.${i}.${field}`;
        return (
          <Fieldset
            key={row.id}
            id={`${parts.id(at('row'))}`}
            legend={legend}
            className="regie-fieldset--row"
          >
            <div className="regie-form__row">
              <TextField path={at('what')} label={t('rtvb.what')} parts={parts} />
              <TextField
                path={at('amount')}
                label={`${t('rtvb.amount')} ${t('agreementForm.optional')}`}
                hint={t('rtvb.amountHint')}
                parts={parts}
                extra={{ inputMode: 'decimal' }}
              />
              <RemoveRowButton
                row={legend}
                onClick={() => {
                  rows.remove(i);
                  parts.announce(t('rtvb.removed', { row: legend }));
                  focusSoon(() => addRef.current);
                }}
              />
            </div>
          </Fieldset>
        );
      })}
      <Button
        ref={addRef}
        appearance="secondary-action-button"
        disabled={rows.fields.length >= RTVB_LIST_MAX}
        onClick={add}
      >
        {t('rtvb.addAuthority')}
      </Button>
    </Fieldset>
  );
}

/**
 * One role: the person or body, the portfolio holder where the role has one, and its tasks, responsibilities and
 * authorities (RTVB, SPEC §4.2). `prefix` is the role's path (`eigenaar`, `members.0.eigenaar`).
 */
export function RoleFields({
  prefix,
  withHolder,
  parts,
}: {
  prefix: string;
  withHolder: boolean;
  parts: FormParts;
}) {
  const { t } = useTranslation();
  const optional = (label: string) => `${label} ${t('agreementForm.optional')}`;
  return (
    <>
      <div className="regie-form__row">
        <TextField path={`${prefix}.name`} label={optional(t('steering.rolesForm.name'))} parts={parts} />
        {withHolder ? (
          <TextField
            path={`${prefix}.portfolioHolder`}
            label={optional(t('steering.rolesForm.portfolioHolder'))}
            parts={parts}
          />
        ) : null}
      </div>
      <LineList prefix={prefix} list="tasks" parts={parts} />
      <LineList prefix={prefix} list="responsibilities" parts={parts} />
      <AuthorityList prefix={prefix} parts={parts} />
    </>
  );
}
