import {
  Checkbox,
  FormField,
  FormLabel,
  Paragraph,
  Textbox,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../lib/form';
import { Fieldset } from '../../ui/Fieldset';
import { type Choice, type Choices, type Duty, type DutyDiff, rowId, validDays } from './governance-review';

/** One proposed change: a checkbox (accepted by default) and, when accepted, its term in days. */
function ChangeRow({
  id,
  label,
  duty,
  choice,
  showErrors,
  onChange,
}: {
  id: string;
  label: string;
  duty: Duty | null;
  choice: Choice;
  showErrors: boolean;
  onChange: (choice: Choice) => void;
}) {
  const { t } = useTranslation();
  const daysId = `${id}-days`;
  const invalid = duty !== null && choice.accept && showErrors && !validDays(duty, choice.days);
  return (
    <li className="regie-governance-change">
      <FormField
        type="checkbox"
        className="regie-choice"
        label={
          <FormLabel htmlFor={id} type="checkbox" checked={choice.accept}>
            {label}
          </FormLabel>
        }
        input={
          <Checkbox
            id={id}
            appearance="html"
            checked={choice.accept}
            onChange={(event) => onChange({ ...choice, accept: event.target.checked })}
          />
        }
      />
      {duty && choice.accept ? (
        <Field
          id={daysId}
          label={duty.kind === 'periodic' ? t('governance.dueDays') : t('governance.responseDays')}
          error={
            invalid
              ? duty.kind === 'periodic'
                ? t('governance.dueDaysInvalid')
                : t('governance.responseDaysInvalid')
              : undefined
          }
        >
          {(props) => (
            <Textbox
              {...props}
              inputMode="numeric"
              autoComplete="off"
              className="regie-input--count"
              value={choice.days}
              onChange={(event) => onChange({ ...choice, days: event.target.value })}
            />
          )}
        </Field>
      ) : null}
    </li>
  );
}

/** The duty diff to accept or edit: additions, changed response times, removals; what stays, listed. */
export function DutyReview({
  diff,
  choices,
  onChange,
  showErrors,
}: {
  diff: DutyDiff;
  choices: Choices;
  onChange: (choices: Choices) => void;
  showErrors: boolean;
}) {
  const { t } = useTranslation();
  const nothing = diff.added.length + diff.changed.length + diff.removed.length === 0;
  return (
    <Fieldset id="governance-duties" legend={t('governance.duties')} hint={t('governance.dutiesHint')}>
      {nothing ? <Paragraph>{t('governance.noDutyChanges')}</Paragraph> : null}
      <ul className="regie-governance-changes" data-testid="governance-duties">
        {diff.added.map((duty, i) => (
          <ChangeRow
            key={rowId('added', i)}
            id={rowId('added', i)}
            label={t('governance.add', { title: duty.title })}
            duty={duty}
            choice={choices.added[i]!}
            showErrors={showErrors}
            onChange={(c) => onChange({ ...choices, added: choices.added.map((o, j) => (j === i ? c : o)) })}
          />
        ))}
        {diff.changed.map((change, i) => (
          <ChangeRow
            key={rowId('changed', i)}
            id={rowId('changed', i)}
            label={t('governance.change', {
              title: change.before.title,
              before: change.before.responseDays,
              after: change.after.responseDays,
            })}
            duty={change.after}
            choice={choices.changed[i]!}
            showErrors={showErrors}
            onChange={(c) =>
              onChange({ ...choices, changed: choices.changed.map((o, j) => (j === i ? c : o)) })
            }
          />
        ))}
        {diff.removed.map((duty, i) => (
          <ChangeRow
            key={rowId('removed', i)}
            id={rowId('removed', i)}
            label={t('governance.remove', { title: duty.title })}
            duty={null}
            choice={{ accept: choices.removed[i]!, days: '' }}
            showErrors={false}
            onChange={(c) =>
              onChange({ ...choices, removed: choices.removed.map((o, j) => (j === i ? c.accept : o)) })
            }
          />
        ))}
      </ul>
      {diff.kept.length > 0 ? (
        <UnorderedList>
          {diff.kept.map((duty) => (
            <UnorderedListItem key={duty.id ?? duty.title}>
              {t('governance.kept', { title: duty.title })}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : null}
      {diff.unmatched.length > 0 ? (
        <Paragraph>{t('governance.unmatched', { duties: diff.unmatched.join(', ') })}</Paragraph>
      ) : null}
    </Fieldset>
  );
}
