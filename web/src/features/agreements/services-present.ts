import type { ServiceInput } from '@regie/core/browser';
import type { TFunction } from 'i18next';
import { type AppLocale, formatMoney, formatNumber } from '../../lib/format';

/**
 * A service catalogue as a person reads it: a level as one line (`Beschikbaarheid ≥ 99,5% per maand`,
 * `Oplostijd incidenten ≤ 8 werkuren voor 95% per maand`), a price model as its arithmetic
 * (`€ 40.000,00 + € 150,00 per werkplek × 500`). Pure, so it is unit-tested.
 */
type Level = ServiceInput['levels'][number];

export function levelText(t: TFunction, locale: AppLocale, level: Level): string {
  const value = t(`services.valueUnits.${level.unit}`, { value: formatNumber(level.target, locale) });
  const params = {
    measure: level.measure,
    sign: level.direction === 'at_least' ? '≥' : '≤',
    value,
    period: t(`services.periods.${level.period}`),
  };
  return level.share === undefined
    ? t('services.levelText', params)
    : t('services.levelTextShare', {
        ...params,
        share: t('services.valueUnits.percent', { value: formatNumber(level.share, locale) }),
      });
}

export function priceText(t: TFunction, locale: AppLocale, price: ServiceInput['price']): string {
  if (price.model === 'fixed')
    return t('services.priceText.fixed', { yearly: formatMoney(price.yearlyCents, locale) });
  const params = {
    price: formatMoney(price.unitPriceCents, locale),
    unit: t(`services.priceUnits.${price.unit}`),
    quantity: price.quantity === undefined ? '' : formatNumber(price.quantity, locale),
    base: price.model === 'basePlusUnit' ? formatMoney(price.baseYearlyCents, locale) : '',
  };
  const key = price.quantity === undefined ? (`${price.model}NoQuantity` as const) : price.model;
  return t(`services.priceText.${key}`, params);
}

/** A catalogue as one line for the version diff and the audit trail: `Basispakket (…); Plusmodule …`. */
export function catalogueText(t: TFunction, locale: AppLocale, services: unknown): string {
  if (!Array.isArray(services)) return JSON.stringify(services);
  try {
    return services
      .map((s: ServiceInput) => {
        const parts = [priceText(t, locale, s.price), ...s.levels.map((l) => levelText(t, locale, l))];
        return `${s.name} (${parts.join(', ')})`;
      })
      .join('; ');
  } catch {
    // Not of the shape a catalogue has: shown as it came rather than lost.
    return JSON.stringify(services);
  }
}
