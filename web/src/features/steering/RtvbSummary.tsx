import type { RolePerson } from '@regie/core/browser';
import { useTranslation } from 'react-i18next';
import { formatMoney, localeFor } from '../../lib/format';

/**
 * A role's tasks, responsibilities and authorities on the agreement page (SPEC §4.2), under its holder's name;
 * nothing when none are recorded (older roles have only a name).
 */
export function RtvbSummary({ person }: { person: RolePerson }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const authorities = (person.authorities ?? []).map((a) =>
    a.maxAmountCents === undefined
      ? a.what
      : `${a.what} (${t('rtvb.upTo', { amount: formatMoney(a.maxAmountCents, locale) })})`,
  );
  const lists = [
    ['tasks', person.tasks ?? []],
    ['responsibilities', person.responsibilities ?? []],
    ['authorities', authorities],
  ] as const;
  if (lists.every(([, lines]) => lines.length === 0)) return null;
  return (
    <>
      {lists.map(([key, lines]) =>
        lines.length ? (
          <span key={key} className="regie-rtvb">
            <br />
            {t(`rtvb.${key}`)}: {lines.join('; ')}
          </span>
        ) : null,
      )}
    </>
  );
}
