import { useQuery } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../lib/agreements/model';
import { ListState } from '../../lib/outcome';
import { useTRPC } from '../../lib/trpc';
import { Section } from '../../ui/Section';
import { DueTable } from './DueTable';

/** The reports one register (the municipality's own, or a region's) expects, late ones first. */
function DueOfSpace({ space }: { space: Me['reach'][number] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const due = useQuery(trpc.report.due.queryOptions({ space: space.space, limit: 100 }));
  const rows = due.data ?? [];
  const headingId = `due-${space.space}-heading`;
  return (
    <section className="regie-subsection" aria-labelledby={headingId} data-testid={`due-${space.space}`}>
      <h3 className="regie-subheading" id={headingId}>
        {space.name}
      </h3>
      <div role="status" aria-live="polite" className="regie-status">
        {due.isPending
          ? t('reports.steering.loading')
          : due.isSuccess && rows.length > 0
            ? t('reports.steering.count', {
                count: rows.length,
                overdue: rows.filter((r) => r.overdue).length,
              })
            : null}
      </div>
      <ListState
        query={due}
        isEmpty={rows.length === 0}
        error={t('reports.steering.error')}
        empty={t('reports.steering.none')}
        retry={t('app.retry')}
      />
      {rows.length > 0 ? (
        <DueTable
          rows={rows}
          caption={t('reports.steering.caption', { space: space.name })}
          canSubmit={false}
          testId={`due-table-${space.space}`}
        />
      ) : null}
    </section>
  );
}

/** "Informatieplichten" under Sturing: what is due per register in reach, overdue first (SPEC §4.3). */
export function DueSection({ spaces }: { spaces: readonly Me['reach'][number][] }) {
  const { t } = useTranslation();
  return (
    <Section id="duties-due" title={t('reports.steering.title')}>
      <Paragraph>{t('reports.steering.intro')}</Paragraph>
      {spaces.map((space) => (
        <DueOfSpace key={space.space} space={space} />
      ))}
    </Section>
  );
}
