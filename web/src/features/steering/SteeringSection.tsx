import { useQuery } from '@tanstack/react-query';
import { Alert, ButtonGroup, ButtonLink, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { type AppLocale, formatDateTime, localeFor } from '../../lib/format';
import { mayRecord } from '../../lib/steering/confirm';
import {
  answerLabel,
  dutyLabel,
  executionVariantLabel,
  kpiDepthLabel,
  ladderStepText,
  meetingCadenceLabel,
  relationTypeExplanation,
  relationTypeLabel,
  reportingFrequencyLabel,
} from '../../lib/steering/labels';
import {
  CONTACT_SIDES,
  type Contact,
  QUESTIONS,
  ROLE_KEYS,
  type Steering,
  type SteeringRoles,
  type StoredRelation,
} from '../../lib/steering/model';
import { useTRPC } from '../../lib/trpc';
import { Definition, DefinitionList } from '../../ui/DefinitionList';
import { Section } from '../../ui/Section';
import { StatusLine } from '../../ui/StatusLine';
import { RelationConfirmations } from './RelationConfirmations';
import { RtvbSummary } from './RtvbSummary';

/** The role conflict (SPEC §4.2) in words, for the agreement page and the roles form alike. */
export function RoleConflictAlert({ holder }: { holder: string }) {
  const { t } = useTranslation();
  return (
    <Alert type="warning">
      <Paragraph>{t('steering.conflictWarning', { holder })}</Paragraph>
    </Alert>
  );
}

function RelationList({ relation }: { relation: StoredRelation }) {
  const { t } = useTranslation();
  const g = relation.governance;
  const differs = relation.proposed !== relation.chosen;
  return (
    <DefinitionList testId="steering-relation">
      <Definition label={t('steering.type')} testId="steering-type">
        <strong>{relationTypeLabel(t, relation.chosen)}</strong>
        {differs ? ` ${t('steering.proposedNote', { type: relationTypeLabel(t, relation.proposed) })}` : null}
        <br />
        <span className="regie-hint">{relationTypeExplanation(t, relation.chosen)}</span>
      </Definition>
      {differs && relation.motivation ? (
        <Definition label={t('steering.motivation')}>
          <span className="regie-multiline">{relation.motivation}</span>
        </Definition>
      ) : null}
      {relation.internalNote ? (
        <Definition label={t('steering.internalNote')} testId="steering-internal-note">
          <span className="regie-multiline">{relation.internalNote}</span>
        </Definition>
      ) : null}
      <Definition label={t('steering.answers')}>
        <ul className="regie-plain-list">
          {QUESTIONS.map((question) => (
            <li key={question}>
              {t('steering.answerLine', {
                question: t(`steering.questionShort.${question}`),
                answer: answerLabel(t, question, relation.answers[question]),
              })}
            </li>
          ))}
        </ul>
      </Definition>
      <Definition label={t('steering.reportingFrequency')} testId="steering-reportingFrequency">
        {reportingFrequencyLabel(t, g.reportingFrequency)}
      </Definition>
      <Definition label={t('steering.kpiDepth')}>{kpiDepthLabel(t, g.kpiDepth)}</Definition>
      <Definition label={t('steering.informationDuties')}>
        {g.informationDuties.length === 0 ? (
          t('steering.noDuties')
        ) : (
          <ul className="regie-plain-list">
            {g.informationDuties.map((duty) => (
              <li key={duty}>{dutyLabel(t, duty)}</li>
            ))}
          </ul>
        )}
      </Definition>
      <Definition label={t('steering.meetingCadence')}>{meetingCadenceLabel(t, g.meetingCadence)}</Definition>
      <Definition label={t('steering.escalationLadder')}>
        <ol className="regie-ladder" data-testid="steering-ladder">
          {g.escalationLadder.map((step, i) => (
            // Levels may repeat (two "directie" steps) and the list is read-only: its order is its identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: a stored ladder is never reordered in place
            <li key={`${i}-${step.level}`}>{ladderStepText(t, step)}</li>
          ))}
        </ol>
      </Definition>
      <Definition label={t('steering.executionVariant')}>
        {executionVariantLabel(t, g.executionVariant)}
      </Definition>
    </DefinitionList>
  );
}

function contactText(contact: Contact): ReactNode {
  return (
    <>
      {contact.name}, {contact.role}
      {contact.email ? (
        <>
          {', '}
          <a className="utrecht-link" href={`mailto:${contact.email}`}>
            {contact.email}
          </a>
        </>
      ) : null}
      {contact.phone ? (
        <>
          {', '}
          <a className="utrecht-link" href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`}>
            {contact.phone}
          </a>
        </>
      ) : null}
    </>
  );
}

export function RolesList({ roles }: { roles: SteeringRoles }) {
  const { t } = useTranslation();
  const none = t('agreementDetail.empty');
  return (
    <DefinitionList testId="steering-roles">
      {ROLE_KEYS.map((key) => {
        const person = roles[key];
        return (
          <Definition key={key} label={t(`steering.roles.${key}`)}>
            {person ? (
              <>
                {person.portfolioHolder
                  ? t('steering.withPortfolioHolder', { name: person.name, holder: person.portfolioHolder })
                  : person.name}
                <RtvbSummary person={person} />
              </>
            ) : (
              <em>{none}</em>
            )}
          </Definition>
        );
      })}
      {CONTACT_SIDES.map((side) => {
        const contacts = (roles.contacts ?? []).filter((c) => c.side === side);
        return (
          <Definition key={side} label={t(`steering.contacts.${side}`)}>
            {contacts.length === 0 ? (
              <em>{t('steering.noContacts')}</em>
            ) : (
              <ul className="regie-plain-list">
                {contacts.map((contact) => (
                  <li key={`${contact.name}/${contact.role}/${contact.email ?? ''}`}>
                    {contactText(contact)}
                  </li>
                ))}
              </ul>
            )}
          </Definition>
        );
      })}
    </DefinitionList>
  );
}

function hasRoles(roles: SteeringRoles): boolean {
  return ROLE_KEYS.some((key) => roles[key]) || (roles.contacts?.length ?? 0) > 0;
}

function SteeringContent({
  steering,
  locale,
  canRecord,
}: {
  steering: Steering;
  locale: AppLocale;
  canRecord: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {steering.warnings.map((warning) =>
        warning.member ? (
          // A GR member's own roles clash: said with the member's name (issue 14).
          <Alert key={`${warning.code}-${warning.member}`} type="warning">
            <Paragraph>
              {t('rtvb.memberConflict', {
                member: steering.grMembers?.find((m) => m.space === warning.member)?.name ?? warning.member,
                holder: warning.portfolioHolder,
              })}
            </Paragraph>
          </Alert>
        ) : (
          <RoleConflictAlert key={warning.code} holder={warning.portfolioHolder} />
        ),
      )}
      <h3 className="regie-subheading" id="steering-relation-heading">
        {t('steering.relationTitle')}
      </h3>
      {steering.relation ? (
        <RelationList relation={steering.relation} />
      ) : (
        <Paragraph className="regie-empty">{t('steering.noRelation')}</Paragraph>
      )}
      <RelationConfirmations
        agreementId={steering.agreementId}
        confirmation={steering.confirmation}
        decided={steering.relation !== null}
        canRecord={canRecord}
        locale={locale}
      />
      <h3 className="regie-subheading" id="steering-roles-heading">
        {t('steering.rolesTitle')}
      </h3>
      {hasRoles(steering.roles) ? (
        <RolesList roles={steering.roles} />
      ) : (
        <Paragraph className="regie-empty">{t('steering.noRoles')}</Paragraph>
      )}
      {steering.updatedAt ? (
        <Paragraph className="regie-hint">
          {t('steering.lastChanged')}{' '}
          <time dateTime={steering.updatedAt}>{formatDateTime(steering.updatedAt, locale)}</time>
          {steering.updatedBy
            ? ` ${t('steering.changedBy', { by: steering.updatedByName ?? steering.updatedBy })}`
            : null}
        </Paragraph>
      ) : null}
    </>
  );
}

/**
 * "Sturing" on the agreement page (internal view only: steering is never part of a party view): the relation
 * chosen with its governance, the RTRA roles, and the role-conflict warning. Writers get the two editors; a
 * member municipality on a region's GR only the roles editor, for its own row.
 */
export function SteeringSection({
  agreementId,
  access,
  me,
}: {
  agreementId: string;
  access: 'all' | 'ownRow' | 'none';
  me?: { roles: readonly string[] };
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const steering = useQuery(trpc.steering.get.queryOptions({ agreementId }));
  const base = `/agreements/${encodeURIComponent(agreementId)}`;
  return (
    <Section
      id="steering"
      title={t('steering.sectionTitle')}
      actions={
        access !== 'none' ? (
          <ButtonGroup>
            {access === 'all' ? (
              <Link href={`${base}/relation`} asChild>
                <ButtonLink appearance="secondary-action-button">{t('steering.design')}</ButtonLink>
              </Link>
            ) : null}
            <Link href={`${base}/roles`} asChild>
              <ButtonLink appearance="secondary-action-button">{t('steering.editRoles')}</ButtonLink>
            </Link>
          </ButtonGroup>
        ) : null
      }
    >
      <StatusLine>{steering.isPending ? t('steering.loading') : null}</StatusLine>
      {steering.isError ? <Alert type="error">{t('steering.error')}</Alert> : null}
      {steering.data ? (
        <SteeringContent steering={steering.data} locale={locale} canRecord={mayRecord(me)} />
      ) : null}
    </Section>
  );
}
