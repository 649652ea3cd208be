import type { RelationDecision } from '@regie/core/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { reasonText } from '../../i18n/reasons';
import { variantLabel } from '../../lib/agreements/labels';
import { focusSoon } from '../../lib/form';
import { formatDate, localeFor } from '../../lib/format';
import { MutationErrorAlert, useMutationError, useReasonFormat } from '../../lib/mutation-error';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { StatusLine } from '../../ui/StatusLine';
import { DutyReview } from './DutyReview';
import {
  type ApplyInput,
  acceptedDuties,
  type Choices,
  type GovernancePreview,
  initialChoices,
  invalidRows,
} from './governance-review';

/** KPI level, meetings, variants and warnings of the preview: what the choice means besides the duties. */
function Consequences({ preview }: { preview: GovernancePreview }) {
  const { t, i18n } = useTranslation();
  const format = useReasonFormat();
  const locale = localeFor(i18n.language);
  const depth = (d: string | null) => (d ? t(`steering.kpiDepths.${d as 'input'}`) : t('governance.kpiNone'));
  return (
    <>
      {preview.reportDues.map((r) =>
        r.dueDates.length > 0 ? (
          <Paragraph key={r.title}>
            {t('governance.reportDues', {
              title: r.title,
              dates: r.dueDates.map((d) => formatDate(d, locale)).join(', '),
            })}
          </Paragraph>
        ) : null,
      )}
      <Heading3>{t('governance.kpi')}</Heading3>
      <Paragraph data-testid="governance-kpi">
        {t('governance.kpiExpected', {
          expected: depth(preview.kpiLevel.expected),
          reached: depth(preview.kpiLevel.reached),
        })}
      </Paragraph>
      {preview.kpiLevel.unclassified.length > 0 ? (
        <Paragraph>
          {t('governance.kpiUnclassified', { names: preview.kpiLevel.unclassified.join(', ') })}
        </Paragraph>
      ) : null}
      <Heading3>{t('governance.meetings')}</Heading3>
      <Paragraph className="regie-hint">{t('governance.meetingsHint')}</Paragraph>
      {preview.meetings.length > 0 ? (
        <UnorderedList data-testid="governance-meetings">
          {preview.meetings.map((m) => (
            <UnorderedListItem key={m.key}>{formatDate(m.date, locale)}</UnorderedListItem>
          ))}
        </UnorderedList>
      ) : (
        <Paragraph>{t('governance.noMeetings')}</Paragraph>
      )}
      <Heading3>{t('governance.variants')}</Heading3>
      {preview.variants.length > 0 ? (
        <table className="utrecht-table regie-table" data-testid="governance-variants">
          <caption className="utrecht-table__caption">
            {t('governance.variantsCaption', { preferred: variantLabel(t, preview.preferredVariant) })}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">
                {t('governance.product')}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                {t('governance.variant')}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                {t('governance.fits')}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {preview.variants.map((v) => (
              <tr key={v.productLineId} className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="row">
                  {[v.productCode, v.description].filter(Boolean).join(' ')}
                </th>
                <td className="utrecht-table__cell">{variantLabel(t, v.variant)}</td>
                <td className="utrecht-table__cell">
                  {v.matches ? t('governance.yes') : t('governance.no')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Paragraph>{t('governance.noLines')}</Paragraph>
      )}
      <Heading3>{t('governance.warnings')}</Heading3>
      {preview.warnings.length > 0 ? (
        <UnorderedList data-testid="governance-warnings">
          {preview.warnings.map((w) => (
            <UnorderedListItem key={w.code} data-testid={`governance-warning-${w.code}`}>
              <Paragraph>{reasonText(w.reason, w.params, format)}</Paragraph>
              <Paragraph className="regie-hint">
                {t('governance.source', { section: w.source.section, cites: w.source.cites })}
              </Paragraph>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : (
        <Paragraph>{t('governance.noWarnings')}</Paragraph>
      )}
    </>
  );
}

/** The proposal's changes, accepted or edited, and applying them in one request. */
function ReviewBody({
  agreementId,
  relation,
  preview,
}: {
  agreementId: string;
  relation: RelationDecision;
  preview: GovernancePreview;
}) {
  const { t } = useTranslation();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [keyFor] = useState(idempotencyKeys);
  const [choices, setChoices] = useState<Choices>(() => initialChoices(preview.duties));
  const [showErrors, setShowErrors] = useState(false);
  const failure = useMutationError({
    messages: { unknown: t('governance.failed'), network: t('governance.failed') },
  });
  const invalid = invalidRows(preview.duties, choices);

  const apply = useMutation({
    mutationFn: (input: ApplyInput) => {
      const idempotencyKey = keyFor(input);
      return client.steering.applyGovernance.mutate(
        input,
        idempotencyKey ? { context: { idempotencyKey } } : undefined,
      );
    },
    onSuccess: async () => {
      // Steering, duties, due reports and deadlines all moved: everything cached is refetched.
      await queryClient.invalidateQueries();
      navigate(`/agreements/${encodeURIComponent(agreementId)}`, { state: { saved: 'steering' } });
    },
    onError: failure.onError,
  });

  function submit() {
    failure.reset();
    setShowErrors(true);
    if (invalid.length > 0) {
      focusSoon(() => document.getElementById(`${invalid[0]!.id}-days`));
      return;
    }
    if (apply.isPending) return;
    apply.mutate({
      agreementId,
      expectedVersion: preview.steeringVersion,
      agreementVersion: preview.agreementVersion,
      relation,
      duties: acceptedDuties(preview.duties, choices),
    });
  }

  return (
    <>
      <MutationErrorAlert failure={failure} testId="governance-error" />
      {showErrors && invalid.length > 0 ? (
        <Alert type="error">
          <Paragraph>{t('governance.errorsTitle')}</Paragraph>
        </Alert>
      ) : null}
      <DutyReview diff={preview.duties} choices={choices} onChange={setChoices} showErrors={showErrors} />
      <Consequences preview={preview} />
      <StatusLine>{apply.isPending ? t('governance.applying') : null}</StatusLine>
      <ButtonGroup>
        <Button appearance="primary-action-button" busy={apply.isPending} onClick={submit}>
          {t('governance.apply')}
        </Button>
      </ButtonGroup>
    </>
  );
}

/** The step after choosing type and governance: what applying changes, to accept or edit, and apply. */
export function GovernanceReview({
  agreementId,
  relation,
  headingRef,
}: {
  agreementId: string;
  relation: RelationDecision;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const preview = useQuery(trpc.steering.governancePreview.queryOptions({ agreementId, relation }));
  return (
    <section
      className="regie-section"
      aria-labelledby="governance-review-heading"
      data-testid="governance-review"
    >
      <Heading2 id="governance-review-heading" ref={headingRef} tabIndex={-1}>
        {t('governance.title')}
      </Heading2>
      <StatusLine>{preview.isPending ? t('governance.loading') : null}</StatusLine>
      {preview.isError ? <Alert type="error">{t('governance.error')}</Alert> : null}
      {preview.data ? (
        // A new preview (another decision) starts its choices afresh.
        <ReviewBody
          key={JSON.stringify(relation)}
          agreementId={agreementId}
          relation={relation}
          preview={preview.data}
        />
      ) : null}
    </section>
  );
}
