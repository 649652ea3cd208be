import type { RelationType } from '@regie/core/browser';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Heading2, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../lib/form';
import { type AppLocale, localeFor } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { Fieldset } from '../../ui/Fieldset';
import { QueryState } from '../../ui/QueryState';
import { StatusLine } from '../../ui/StatusLine';
import { FlagList } from '../../ui/simulation/FlagList';
import { LinesTable } from '../../ui/simulation/LinesTable';
import { ScenarioChart } from '../../ui/simulation/ScenarioChart';
import { ScenarioLinesTable } from '../../ui/simulation/ScenarioLinesTable';
import type { TermsValues } from './agreement-values';
import { type DraftSimulation as Draft, draftSimulation, volumeKey } from './draft-simulation';

/** How long the typing must rest before the simulator is asked again. */
const DEBOUNCE_MS = 400;

/** The value once it has not changed for `ms` (compared as JSON, so a fresh but equal object does not reset it). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const text = JSON.stringify(value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the JSON text stands for the value.
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return settled;
}

/** What the simulator says about the draft: volumes to type, the flags, the scenarios and the lines. */
function DraftSimulatorBody({
  relationType,
  locale,
}: {
  relationType: RelationType | null;
  locale: AppLocale;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { control } = useFormContext<TermsValues>();
  const values = useWatch({ control }) as TermsValues;
  const [volumes, setVolumes] = useState<Record<string, string>>({});
  const draft: Draft = draftSimulation(values, locale, volumes, relationType);
  const input = useSettled(draft.ok ? draft.input : null, DEBOUNCE_MS);
  const sim = useQuery({
    ...trpc.simulation.terms.queryOptions(input ?? { terms: EMPTY_TERMS }),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
  const data = draft.ok && input ? sim.data : undefined;
  const rows = draft.left.map((i) => i + 1).join(', ');

  return (
    <div className="regie-simulation" data-testid="draft-simulation">
      <Paragraph>{t('simulation.draftIntro')}</Paragraph>
      {draft.left.length > 0 ? (
        <Paragraph data-testid="draft-simulation-left">{t('simulation.draftLeftOut', { rows })}</Paragraph>
      ) : null}
      {draft.ok ? (
        Object.entries(draft.codes).map(([lineId, code]) => {
          const id = `draft-volume-${lineId}`;
          const line = data?.lines.find((l) => l.lineId === lineId);
          return (
            <Field
              key={lineId}
              id={id}
              label={t('simulation.volumeLabel', { code })}
              hint={
                line
                  ? t('simulation.draftVolumeHint', {
                      volume: line.expectedVolume,
                      from: t(`simulation.from.${line.expectedFrom}`),
                    })
                  : undefined
              }
              error={draft.badVolumes.includes(code) ? t('simulation.volumeInvalid') : undefined}
            >
              {(props) => (
                <Textbox
                  {...props}
                  inputMode="numeric"
                  className="regie-input--count"
                  value={volumes[volumeKey(code)] ?? ''}
                  onChange={(e) => setVolumes((v) => ({ ...v, [volumeKey(code)]: e.target.value }))}
                />
              )}
            </Field>
          );
        })
      ) : (
        <Paragraph data-testid="draft-simulation-waiting">
          {t(draft.why === 'noLines' ? 'simulation.draftNoLines' : 'simulation.draftNoTerms')}
        </Paragraph>
      )}
      {draft.ok ? (
        <QueryState query={sim} loading={t('simulation.loading')} error={t('simulation.error')} />
      ) : null}
      <StatusLine hidden>{draft.ok && sim.isFetching ? t('simulation.loading') : ''}</StatusLine>
      {data ? (
        <>
          <Heading2>{t('simulation.flagsTitle')}</Heading2>
          <FlagList flags={data.flags} />
          <Heading2>{t('simulation.chartTitle')}</Heading2>
          <ScenarioChart scenarios={data.scenarios} locale={locale} />
          <ScenarioLinesTable simulation={data} locale={locale} />
          <LinesTable lines={data.lines} locale={locale} />
        </>
      ) : null}
    </div>
  );
}

const EMPTY_TERMS = { startDate: '2000-01-01', endDate: '2000-01-01', productLines: [] };

/**
 * The volume-incentive simulator on the agreement form (issue 15 point 1): once the person opens it, it asks
 * `simulation.terms` for the terms as they are typed (after a pause in the typing), and never writes. On the edit
 * form, the agreement's chosen relation type is taken along (an effort line under a relation that prefers output
 * or task is flagged). Shown once the form has a product line.
 */
export function DraftSimulation({ agreementId }: { agreementId?: string }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const { control } = useFormContext<TermsValues>();
  const lines = useWatch({ control, name: 'productLines' });
  const steering = useQuery({
    ...trpc.steering.get.queryOptions({ agreementId: agreementId ?? '' }),
    enabled: open && agreementId !== undefined,
    retry: false,
  });
  if (lines.length === 0) return null;
  const relationType = steering.data?.relation?.chosen ?? null;
  return (
    <Fieldset id="agreement-simulation" legend={t('simulation.title')} hint={t('simulation.draftHint')}>
      <Button
        type="button"
        appearance="secondary-action-button"
        aria-expanded={open}
        aria-controls="agreement-simulation-body"
        onClick={() => setOpen((o) => !o)}
      >
        {open ? t('simulation.draftClose') : t('simulation.link')}
      </Button>
      <div id="agreement-simulation-body">
        {open ? <DraftSimulatorBody relationType={relationType} locale={localeFor(i18n.language)} /> : null}
      </div>
    </Fieldset>
  );
}
