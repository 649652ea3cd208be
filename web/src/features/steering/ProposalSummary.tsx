import type { RelationAnswers } from '@regie/core/browser';
import {
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { localeFor } from '../../lib/format';
import { answerLabel, listText, relationTypeExplanation, relationTypeLabel } from '../../lib/steering/labels';
import { QUESTIONS, type Question, type RelationProposal } from '../../lib/steering/model';

export interface Proposed {
  answers: RelationAnswers;
  result: RelationProposal;
}

/** The proposed type, the points behind it and, per question, which types the answer supports. */
export function ProposalSummary({ proposed }: { proposed: Proposed }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const { result } = proposed;
  return (
    <>
      <Paragraph>
        {t('steering.designer.proposed')}{' '}
        <strong data-testid="proposed-type">{relationTypeLabel(t, result.type)}</strong>
        {' — '}
        {relationTypeExplanation(t, result.type)}
      </Paragraph>
      <Paragraph className="regie-hint">{t('steering.designer.scores', result.scores)}</Paragraph>
      <div className="regie-table-scroll">
        <Table className="regie-table" data-testid="rationale-table">
          <TableCaption className="regie-table__caption">
            {t('steering.designer.rationaleCaption')}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('steering.designer.question')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('steering.designer.answer')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('steering.designer.supports')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.rationale.map((line) => {
              const question = (QUESTIONS as readonly string[]).includes(line.question)
                ? (line.question as Question)
                : null;
              return (
                <TableRow key={line.question}>
                  <TableHeaderCell scope="row">
                    {question ? t(`steering.questions.${question}`) : line.question}
                  </TableHeaderCell>
                  <TableCell>{question ? answerLabel(t, question, line.answer) : line.answer}</TableCell>
                  <TableCell>
                    {line.supports.length === 0
                      ? t('steering.designer.supportsNone')
                      : listText(
                          line.supports.map((type) => relationTypeLabel(t, type)),
                          locale,
                        )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
