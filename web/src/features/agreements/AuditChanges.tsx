import { useTranslation } from 'react-i18next';
import { TERM_FIELDS } from '../../lib/agreements/diff';
import { termFieldLabel } from '../../lib/agreements/labels';
import type { AuditEvent } from '../../lib/agreements/model';
import { localeFor } from '../../lib/format';
import { termValueText } from './present';

/** Fields whose old and new values are short enough to show in the trail itself. */
const SHOWN_VALUES = new Set([
  'status',
  'note',
  'title',
  'domain',
  'startDate',
  'endDate',
  'noticePeriodMonths',
  'valueCeilingCents',
  'renewal',
  'spentCents',
]);

/**
 * The order changed fields are listed in: the move first, then its note, then the terms in the order the page
 * shows them (diff.ts), with the product lines after the parties, then the spend. A catalogue's services were
 * never ranked here: they stay with the other fields after these, by name.
 */
const CHANGE_ORDER: readonly string[] = [
  'status',
  'note',
  ...TERM_FIELDS.flatMap((field) =>
    field === 'parties' ? ['parties', 'productLines'] : field === 'services' ? [] : [field],
  ),
  'spentCents',
];
const rank = (field: string) => {
  const index = CHANGE_ORDER.indexOf(field);
  return index === -1 ? CHANGE_ORDER.length : index;
};

/** The fields an audit event changed, in a fixed order, with old and new values where they are short. */
export function ChangedFields({ event }: { event: AuditEvent }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  // The stored order of the changes is not meaningful (a map); a person reads them in a fixed order.
  const fields = Object.entries(event.changes).sort(
    ([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  if (event.action === 'create') return <>{t('audit.created', { count: fields.length })}</>;
  if (fields.length === 0) return <>{t('agreementDetail.none')}</>;
  return (
    <ul className="regie-changes">
      {fields.map(([field, { before, after }]) => (
        <li key={field}>
          <span className="regie-changes__field">{termFieldLabel(t, field)}</span>
          {SHOWN_VALUES.has(field) || field.startsWith('realisation.') ? (
            <>
              {': '}
              {field === 'note'
                ? termValueText(t, locale, field, after)
                : t('audit.fromTo', {
                    from: termValueText(t, locale, field, before),
                    to: termValueText(t, locale, field, after),
                  })}
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
