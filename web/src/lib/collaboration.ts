import type { CollabMeasure, CollabSide, CollabSignal } from '@regie/core/browser';
import type { TFunction } from 'i18next';
import { type AppLocale, formatDateLong, formatNumber } from './format';

/**
 * The collaboration monitor's words (issue 14 point 5), shared by the agreement's trend and the steering
 * dashboard's "Samenwerking" block.
 */
type Signal = Pick<CollabSignal, 'kind' | 'measure' | 'from' | 'to' | 'date'> & { who: CollabSide };

/** Who a series or signal is of, in words: the municipality, or a provider party by name. */
export function whoLabel(t: TFunction, who: CollabSide): string {
  return who.side === 'municipality' ? t('collaboration.municipality') : who.partyName;
}

export function measureLabel(t: TFunction, measure: CollabMeasure): string {
  return measure === 'average'
    ? t('collaboration.measures.average')
    : t(`collaboration.questions.${measure}`);
}

/** One signal in a sentence: which side, which question, from what to what. */
export function signalText(t: TFunction, s: Signal, locale: AppLocale): string {
  const params = {
    who: whoLabel(t, s.who),
    measure: measureLabel(t, s.measure),
    from: s.from === undefined ? '' : formatNumber(s.from, locale),
    to: formatNumber(s.to, locale),
    date: formatDateLong(s.date, locale),
  };
  return s.kind === 'drop' ? t('collaboration.signal.drop', params) : t('collaboration.signal.low', params);
}
