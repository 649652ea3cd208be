import type { Simulation } from '@regie/core/browser';
import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { reasonText } from '../../i18n/reasons';
import { useReasonFormat } from '../../lib/mutation-error';

/** The simulator's flags, each with its Dutch (or English) reason text and its source; or that there are none. */
export function FlagList({ flags }: { flags: Simulation['flags'] }) {
  const { t } = useTranslation();
  const format = useReasonFormat();
  if (flags.length === 0) return <Paragraph>{t('simulation.noFlags')}</Paragraph>;
  return (
    <ul className="regie-list" data-testid="simulation-flags">
      {flags.map((flag) => (
        <li key={`${flag.code}-${flag.lineId ?? ''}`} data-testid={`flag-${flag.code}`}>
          {reasonText(flag.reason, flag.params, format)}{' '}
          <small>{t('simulation.source', { source: flag.source })}</small>
        </li>
      ))}
    </ul>
  );
}
