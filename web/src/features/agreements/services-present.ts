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
  const target = formatNumber(level.target, locale);
  // "99,5%", "8 werkuren", "3 dagen", a count as the number alone.
  const value =
    level.unit === 'percent'
      ? `${target}%`
      : level.unit === 'count'
        ? target
        : `${target} ${t(`services.units.${level.unit}`)}`;
  const sign = level.direction === 'at_least' ? '≥' : '≤';
  const share =
    level.share === undefined
      ? ''
      : ` ${t('services.forShare', { share: `${formatNumber(level.share, locale)}%` })}`;
  // "per" reads the same in Dutch and English.
  return `${level.measure} ${sign} ${value}${share} per ${t(`services.periods.${level.period}`)}`;
}

export function priceText(t: TFunction, locale: AppLocale, price: ServiceInput['price']): string {
  if (price.model === 'fixed')
    return t('services.fixedText', { yearly: formatMoney(price.yearlyCents, locale) });
  const perUnit = `${formatMoney(price.unitPriceCents, locale)} per ${t(`services.priceUnits.${price.unit}`)}`;
  const units =
    price.quantity === undefined ? perUnit : `${perUnit} × ${formatNumber(price.quantity, locale)}`;
  return price.model === 'basePlusUnit' ? `${formatMoney(price.baseYearlyCents, locale)} + ${units}` : units;
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
