import type { TFunction } from 'i18next';
import { variantLabel } from '../agreements/labels';
import type { AppLocale } from '../format';
import {
  isAnswer,
  isEscalationLevel,
  isEventDuty,
  isKpiDepth,
  isMeetingCadence,
  isRelationType,
  isReportingFrequency,
  type Question,
} from './model';

/** Labels for steering values from the API; an unknown value is shown as it came rather than hidden. */
export function relationTypeLabel(t: TFunction, type: string): string {
  return isRelationType(type) ? t(`steering.types.${type}`) : type;
}

export function relationTypeExplanation(t: TFunction, type: string): string {
  return isRelationType(type) ? t(`steering.typeExplanations.${type}`) : '';
}

export function answerLabel(t: TFunction, question: Question, answer: string): string {
  if (!isAnswer(question, answer)) return answer;
  switch (question) {
    case 'complexity':
      return t(`steering.answerOptions.complexity.${answer as 'low' | 'medium' | 'high'}`);
    case 'controlWhat':
    case 'controlHow':
      return t(`steering.answerOptions.control.${answer as 'low' | 'medium' | 'high'}`);
    case 'alignment':
      return t(`steering.answerOptions.alignment.${answer as 'divergent' | 'partial' | 'aligned'}`);
  }
}

export function reportingFrequencyLabel(t: TFunction, value: string): string {
  return isReportingFrequency(value) ? t(`steering.reportingFrequencies.${value}`) : value;
}

export function kpiDepthLabel(t: TFunction, value: string): string {
  return isKpiDepth(value) ? t(`steering.kpiDepths.${value}`) : value;
}

export function meetingCadenceLabel(t: TFunction, value: string): string {
  return isMeetingCadence(value) ? t(`steering.meetingCadences.${value}`) : value;
}

export function executionVariantLabel(t: TFunction, value: string): string {
  return variantLabel(t, value);
}

export function dutyLabel(t: TFunction, duty: string): string {
  return isEventDuty(duty) ? t(`steering.duties.${duty}`) : duty;
}

/** A level the API proposes by its Dutch key (`regisseur`) is named in the page's language; others as typed. */
export function levelLabel(t: TFunction, level: string): string {
  return isEscalationLevel(level) ? t(`steering.levels.${level}`) : level;
}

/** `contractmanager (5 werkdagen)`. */
export function ladderStepText(t: TFunction, step: { level: string; days: number }): string {
  return t('steering.ladderStep', {
    level: levelLabel(t, step.level),
    days: t('steering.workingDays', { count: step.days }),
  });
}

/** `klant en partner` / `customer and partner`. */
export function listText(items: string[], locale: AppLocale): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}
