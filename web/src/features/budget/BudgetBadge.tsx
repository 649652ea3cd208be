import { useTranslation } from 'react-i18next';

/**
 * The spend level of an agreement as a badge in words ("80% bereikt", "Overschreden"), only when there is
 * something to say: the colour only repeats what the text already says.
 */
export function BudgetBadge({ level }: { level: string }) {
  const { t } = useTranslation();
  if (level !== 'warning' && level !== 'breach') return null;
  return (
    <strong className={`regie-badge regie-badge--${level}`} data-testid="budget-badge">
      {t(`budget.badges.${level}`)}
    </strong>
  );
}
