import type { ExpectedVolumes } from '@regie/core/browser';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { isProviderUser } from '../../lib/agreements/model';
import { downloadFile } from '../../lib/files';
import { localeFor } from '../../lib/format';
import { useOutcome } from '../../lib/outcome';
import { PageHeading, usePageTitle } from '../../lib/page';
import { useTRPC } from '../../lib/trpc';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { FlagList } from '../../ui/simulation/FlagList';
import { LinesTable } from '../../ui/simulation/LinesTable';
import { ScenarioChart } from '../../ui/simulation/ScenarioChart';
import { parseScenarios, scenarioCsv, simulationExportQuery } from './model';
import { DEFAULT_SCENARIOS_TEXT, SimulationForm } from './SimulationForm';

/** Saves a text as a file the browser downloads. */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `/agreements/:id/simulation`: the volume-incentive simulator on a stored agreement (issue 15, SPEC §4.8). */
export function SimulationPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('simulation.title'));
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  const provider = me.data ? isProviderUser(me.data) : undefined;
  const [scenarios, setScenarios] = useState<number[]>(parseScenarios(DEFAULT_SCENARIOS_TEXT)!);
  const [expectedVolumes, setExpectedVolumes] = useState<ExpectedVolumes>([]);
  const agreement = useQuery({ ...trpc.agreement.get.queryOptions({ id }), enabled: provider === false });
  const sim = useQuery({
    ...trpc.simulation.agreement.queryOptions({ id, scenarios, expectedVolumes }),
    enabled: provider === false,
    placeholderData: keepPreviousData,
  });
  const base = `/agreements/${encodeURIComponent(id)}`;
  const [xlsxBusy, setXlsxBusy] = useState(false);
  const { announce, outcome } = useOutcome('simulation-export-outcome');
  async function exportXlsx() {
    setXlsxBusy(true);
    try {
      await downloadFile(
        `exports/simulation/${encodeURIComponent(id)}.xlsx${simulationExportQuery(scenarios, expectedVolumes)}`,
        `simulatie-${id}.xlsx`,
      );
      announce(t('simulation.exportDone'));
    } catch {
      announce(t('simulation.exportFailed'));
    } finally {
      setXlsxBusy(false);
    }
  }

  if (provider) {
    return (
      <div>
        <PageHeading>{t('simulation.title')}</PageHeading>
        <Paragraph>{t('simulation.notForYou')}</Paragraph>
      </div>
    );
  }
  const data = sim.data;
  return (
    <div className="regie-simulation">
      <PageHeading>
        {t('simulation.title')}
        {agreement.data ? `: ${agreement.data.reference}` : ''}
      </PageHeading>
      <Paragraph>
        <Link href={base} className="utrecht-link">
          {t('simulation.back')}
        </Link>
      </Paragraph>
      <Paragraph appearance="lead">{t('simulation.intro')}</Paragraph>
      <Paragraph>{t('simulation.formula')}</Paragraph>
      <SimulationForm
        lines={sim.data?.lines}
        onSubmit={(next, volumes) => {
          setScenarios(next);
          setExpectedVolumes(volumes);
        }}
      />
      <QueryState query={sim} loading={t('simulation.loading')} error={t('simulation.error')} />
      {data ? (
        <>
          <Section id="flags" title={t('simulation.flagsTitle')}>
            <FlagList flags={data.flags} />
          </Section>
          <Section
            id="scenarios"
            title={t('simulation.chartTitle')}
            actions={
              <div className="regie-status-actions" data-testid="simulation-export">
                <Button
                  appearance="secondary-action-button"
                  onClick={() =>
                    download(
                      `simulatie-${agreement.data?.reference ?? id}.csv`,
                      scenarioCsv(
                        {
                          scenario: t('simulation.scenario'),
                          volume: t('simulation.volume'),
                          exposure: t('simulation.exposure'),
                          revenue: t('simulation.revenue'),
                          unpaid: t('simulation.unpaid'),
                        },
                        data.scenarios,
                      ),
                    )
                  }
                >
                  {t('simulation.export')}
                </Button>
                <Button
                  appearance="secondary-action-button"
                  busy={xlsxBusy}
                  disabled={xlsxBusy}
                  onClick={() => void exportXlsx()}
                >
                  {t('simulation.exportXlsx')}
                </Button>
                {outcome}
              </div>
            }
          >
            <ScenarioChart scenarios={data.scenarios} locale={locale} />
          </Section>
          <Section id="lines" title={t('simulation.linesTitle')}>
            <LinesTable lines={data.lines} locale={locale} />
          </Section>
        </>
      ) : null}
    </div>
  );
}
