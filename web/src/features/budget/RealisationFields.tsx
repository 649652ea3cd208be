import { Select, SelectOption, Textarea, Textbox } from '@utrecht/component-library-react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../lib/form';
import { NOTE_LIMIT, type REALISATION_FIELDS } from './budget-form';

export interface LineChoice {
  id: string;
  productCode: string;
}

/** A member municipality of the region that owns the agreement (`me.reach`), for the entry's member. */
export interface MemberChoice {
  space: string;
  name: string;
}

/**
 * Month, amount, volume, product line, member (on a region's agreement) and note: the fields of an entry, for
 * recording and for correcting.
 */
export function RealisationFields({
  idPrefix,
  at = '',
  register,
  lines,
  members = [],
  errorFor,
}: {
  idPrefix: string;
  /** Where the entry sits in the form's values (`realisation.` in the correction form). */
  at?: string;
  register: (name: string) => UseFormRegisterReturn;
  lines: readonly LineChoice[];
  /** The owning region's members; none (no field) outside a region's agreement. */
  members?: readonly MemberChoice[];
  errorFor: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const id = (field: string) => `${idPrefix}-${field}`;
  const field = (name: (typeof REALISATION_FIELDS)[number]) => register(`${at}${name}`);
  return (
    <>
      <div className="regie-form__row">
        <Field
          id={id('period')}
          label={t('budget.form.month')}
          hint={t('budget.form.monthHint')}
          error={errorFor('period')}
        >
          {(props) => <Textbox {...props} type="month" required {...field('period')} />}
        </Field>
        <Field
          id={id('amountCents')}
          label={t('budget.form.amount')}
          hint={t('budget.form.amountHint')}
          error={errorFor('amountCents')}
        >
          {(props) => (
            <Textbox
              {...props}
              required
              inputMode="decimal"
              autoComplete="off"
              className="regie-input--amount"
              {...field('amountCents')}
            />
          )}
        </Field>
        <Field
          id={id('volume')}
          label={t('budget.form.volume')}
          hint={t('budget.form.volumeHint')}
          error={errorFor('volume')}
        >
          {(props) => (
            <Textbox
              {...props}
              inputMode="numeric"
              autoComplete="off"
              className="regie-input--count"
              {...field('volume')}
            />
          )}
        </Field>
      </div>
      {lines.length > 0 ? (
        <Field id={id('productLineId')} label={t('budget.form.line')} error={errorFor('productLineId')}>
          {(props) => (
            <Select {...props} {...field('productLineId')}>
              <SelectOption value="">{t('budget.form.noLine')}</SelectOption>
              {lines.map((line) => (
                <SelectOption key={line.id} value={line.id}>
                  {line.productCode}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      {members.length > 0 ? (
        <Field
          id={id('member')}
          label={t('budget.form.member')}
          hint={t('budget.form.memberHint')}
          error={errorFor('member')}
        >
          {(props) => (
            <Select {...props} {...field('member')}>
              <SelectOption value="">{t('budget.form.noMember')}</SelectOption>
              {members.map((m) => (
                <SelectOption key={m.space} value={m.space}>
                  {m.name}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      <Field id={id('note')} label={t('budget.form.note')} error={errorFor('note')}>
        {(props) => <Textarea {...props} rows={2} maxLength={NOTE_LIMIT + 50} {...field('note')} />}
      </Field>
    </>
  );
}
