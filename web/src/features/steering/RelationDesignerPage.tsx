import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  ButtonGroup,
  ButtonLink,
  Checkbox,
  FormField,
  FormLabel,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { variantLabel } from '../../lib/agreements/labels';
import { errorCode, errorIssues } from '../../lib/errors';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { localeFor } from '../../lib/format';
import {
  answerLabel,
  dutyLabel,
  kpiDepthLabel,
  listText,
  meetingCadenceLabel,
  relationTypeExplanation,
  relationTypeLabel,
  reportingFrequencyLabel,
} from '../../lib/steering/labels';
import {
  EVENT_DUTIES,
  EXECUTION_VARIANTS,
  KPI_DEPTHS,
  MEETING_CADENCES,
  QUESTIONS,
  type Question,
  RELATION_TYPES,
  REPORTING_FREQUENCIES,
  type RelationAnswers,
  type RelationProposal,
  STEERING_LIMITS,
} from '../../lib/steering/model';
import { useTRPC } from '../../lib/trpc';
import {
  ConflictAlert,
  type EditorProps,
  Fieldset,
  fieldId,
  Hidden,
  optionId,
  RadioGroup,
  SteeringEditorPage,
  useSteeringMessages,
  useSteeringUpdate,
} from './fields';
import {
  type AnswerValues,
  answerOptions,
  answerValues,
  type DecisionValues,
  decisionFieldOrder,
  type GovernanceValues,
  initialDecision,
  needsMotivation,
  newLadderRow,
  type SteeringErrors,
  sameAnswers,
  sameDecision,
  steeringIssues,
  validateAnswers,
  validateDecision,
  withoutStale,
} from './steering-form';

const id = (path: string) => fieldId('relation', path);

/** Where the error summary sends focus: the first option of a radio group, else the field itself. */
function summaryTarget(path: string): string {
  if (path.startsWith('answers.')) {
    const question = path.slice('answers.'.length) as Question;
    return optionId(id(path), answerOptions(question)[0] ?? '');
  }
  if (path === 'chosen') return optionId(id(path), RELATION_TYPES[0]);
  return id(path);
}

interface Proposed {
  answers: RelationAnswers;
  result: RelationProposal;
}

function QuestionGroup({
  question,
  legend,
  value,
  error,
  onChange,
}: {
  question: Question;
  legend: ReactNode;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      id={id(`answers.${question}`)}
      name={`answers-${question}`}
      legend={legend}
      error={error}
      value={value}
      onChange={onChange}
      options={answerOptions(question).map((answer) => ({
        value: answer,
        label: answerLabel(t, question, answer),
      }))}
    />
  );
}

/** The proposed type, the points behind it and, per question, which types the answer supports. */
function ProposalSummary({ proposed }: { proposed: Proposed }) {
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

function GovernanceFields({
  values,
  onChange,
  errorFor,
  announce,
}: {
  values: GovernanceValues;
  onChange: (next: GovernanceValues, changed: string) => void;
  errorFor: (path: string) => string | undefined;
  announce: (text: string) => void;
}) {
  const { t } = useTranslation();
  const addRef = useRef<HTMLButtonElement>(null);
  const path = (field: string) => `governance.${field}`;
  // Duties the API knows, then any stored duty this page has no name for, so saving never drops one.
  const duties = [
    ...EVENT_DUTIES,
    ...values.informationDuties.filter((d) => !(EVENT_DUTIES as readonly string[]).includes(d)),
  ];

  function set<K extends keyof GovernanceValues>(
    field: K,
    value: GovernanceValues[K],
    changed = path(field),
  ) {
    onChange({ ...values, [field]: value }, changed);
  }
  function toggleDuty(duty: string, on: boolean) {
    // Kept in the order the form lists them.
    const chosen = new Set(values.informationDuties);
    if (on) chosen.add(duty);
    else chosen.delete(duty);
    set(
      'informationDuties',
      duties.filter((d) => chosen.has(d)),
    );
  }
  function setStep(index: number, field: 'level' | 'days', value: string) {
    const ladder = values.escalationLadder.map((row, i) => (i === index ? { ...row, [field]: value } : row));
    set('escalationLadder', ladder, path(`escalationLadder.${index}.${field}`));
  }
  function addStep() {
    set('escalationLadder', [...values.escalationLadder, newLadderRow()]);
    const index = values.escalationLadder.length;
    focusSoon(() => document.getElementById(id(path(`escalationLadder.${index}.level`))));
  }
  function removeStep(index: number) {
    set(
      'escalationLadder',
      values.escalationLadder.filter((_, i) => i !== index),
    );
    announce(t('steering.designer.stepRemoved', { n: index + 1 }));
    focusSoon(() => addRef.current);
  }

  const select = <T extends string>(
    field: 'reportingFrequency' | 'kpiDepth' | 'meetingCadence' | 'executionVariant',
    label: string,
    options: readonly T[],
    labelOf: (value: T) => string,
  ) => (
    <Field id={id(path(field))} label={label} error={errorFor(path(field))}>
      {(props) => (
        <Select {...props} value={values[field]} onChange={(e) => set(field, e.target.value)}>
          {(options as readonly string[]).includes(values[field]) ? null : (
            <SelectOption value={values[field]}>{t('agreementForm.choose')}</SelectOption>
          )}
          {options.map((option) => (
            <SelectOption key={option} value={option}>
              {labelOf(option)}
            </SelectOption>
          ))}
        </Select>
      )}
    </Field>
  );

  return (
    <Fieldset
      id={id('governance')}
      legend={t('steering.designer.governanceLegend')}
      hint={t('steering.designer.governanceHint')}
    >
      <div className="regie-form__row">
        {select('reportingFrequency', t('steering.reportingFrequency'), REPORTING_FREQUENCIES, (v) =>
          reportingFrequencyLabel(t, v),
        )}
        {select('kpiDepth', t('steering.kpiDepth'), KPI_DEPTHS, (v) => kpiDepthLabel(t, v))}
      </div>
      <div className="regie-form__row">
        {select('meetingCadence', t('steering.meetingCadence'), MEETING_CADENCES, (v) =>
          meetingCadenceLabel(t, v),
        )}
        {select('executionVariant', t('steering.executionVariant'), EXECUTION_VARIANTS, (v) =>
          variantLabel(t, v),
        )}
      </div>

      <Fieldset
        id={id(path('informationDuties'))}
        legend={t('steering.designer.dutiesLegend')}
        hint={t('steering.designer.dutiesHint')}
        error={errorFor(path('informationDuties'))}
        className="regie-fieldset--row"
      >
        <div className="regie-choices">
          {duties.map((duty) => {
            const inputId = id(path(`informationDuties.${duty}`));
            const checked = values.informationDuties.includes(duty);
            return (
              <FormField
                key={duty}
                type="checkbox"
                className="regie-choice"
                label={
                  <FormLabel htmlFor={inputId} type="checkbox" checked={checked}>
                    {dutyLabel(t, duty)}
                  </FormLabel>
                }
                input={
                  <Checkbox
                    id={inputId}
                    appearance="html"
                    name="informationDuties"
                    value={duty}
                    checked={checked}
                    onChange={(e) => toggleDuty(duty, e.target.checked)}
                  />
                }
              />
            );
          })}
        </div>
      </Fieldset>

      <Fieldset
        id={id(path('escalationLadder'))}
        legend={t('steering.designer.ladderLegend')}
        hint={t('steering.designer.ladderHint')}
        error={errorFor(path('escalationLadder'))}
        className="regie-fieldset--row"
      >
        <ol className="regie-ladder-editor">
          {values.escalationLadder.map((row, i) => {
            const at = (field: 'level' | 'days') => path(`escalationLadder.${i}.${field}`);
            const legend = t('steering.designer.stepLegend', { n: i + 1 });
            return (
              <li key={row.key}>
                <Fieldset id={`relation-step-${i}`} legend={legend} className="regie-fieldset--step">
                  <div className="regie-form__row">
                    <Field
                      id={id(at('level'))}
                      label={t('steering.designer.level')}
                      error={errorFor(at('level'))}
                    >
                      {(props) => (
                        <Textbox
                          {...props}
                          autoComplete="off"
                          className="regie-input--name"
                          maxLength={STEERING_LIMITS.level + 20}
                          value={row.level}
                          onChange={(e) => setStep(i, 'level', e.target.value)}
                        />
                      )}
                    </Field>
                    <Field
                      id={id(at('days'))}
                      label={t('steering.designer.days')}
                      error={errorFor(at('days'))}
                    >
                      {(props) => (
                        <Textbox
                          {...props}
                          inputMode="numeric"
                          autoComplete="off"
                          className="regie-input--count"
                          value={row.days}
                          onChange={(e) => setStep(i, 'days', e.target.value)}
                        />
                      )}
                    </Field>
                    <Button
                      appearance="subtle-button"
                      className="regie-row-remove"
                      disabled={values.escalationLadder.length <= STEERING_LIMITS.ladderMin}
                      onClick={() => removeStep(i)}
                    >
                      {t('agreementForm.remove')}
                      <Hidden> {legend}</Hidden>
                    </Button>
                  </div>
                </Fieldset>
              </li>
            );
          })}
        </ol>
        <Button
          ref={addRef}
          appearance="secondary-action-button"
          disabled={values.escalationLadder.length >= STEERING_LIMITS.ladderMax}
          onClick={addStep}
        >
          {t('steering.designer.addStep')}
        </Button>
      </Fieldset>
    </Fieldset>
  );
}

function DesignerForm({ agreement, steering, reloaded, onReload }: EditorProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [base] = useState(steering);
  const [answers, setAnswers] = useState<AnswerValues>(() => answerValues(base.relation?.answers));
  const [proposed, setProposed] = useState<Proposed | null>(null);
  const [decision, setDecision] = useState<DecisionValues | null>(null);
  const [clientErrors, setClientErrors] = useState<SteeringErrors>({});
  const [serverErrors, setServerErrors] = useState<SteeringErrors>({});
  const [formError, setFormError] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [notice, setNotice] = useState(reloaded ? t('agreementForm.reloaded') : '');
  const [announcement, setAnnouncement] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const proposalRef = useRef<HTMLHeadingElement>(null);
  const order = decisionFieldOrder(decision);
  const errorFor = useSteeringMessages(clientErrors, serverErrors);

  // Rebuilt from the latest steering after a conflict: the person continues at the first question.
  useEffect(() => {
    if (reloaded) document.getElementById(summaryTarget('answers.complexity'))?.focus();
  }, [reloaded]);

  const propose = useMutation({
    mutationFn: (input: RelationAnswers) =>
      queryClient.fetchQuery(trpc.steering.propose.queryOptions({ answers: input })),
    onSuccess: (result, input) => {
      setProposed({ answers: input, result });
      setDecision(initialDecision(result, input, base.relation));
      setAttempted(false);
      setClientErrors({});
      setAnnouncement(t('steering.designer.proposalReady', { type: relationTypeLabel(t, result.type) }));
      focusSoon(() => proposalRef.current);
    },
    onError: () => {
      setFormError([t('steering.designer.proposeFailed')]);
      focusSoon(() => summaryRef.current);
    },
  });

  const update = useSteeringUpdate(agreement.id, (error) => {
    const code = errorCode(error);
    setServerErrors({});
    setFormError([]);
    if (code === 'CONFLICT') {
      setConflict(true);
      focusSoon(() => conflictRef.current);
      return;
    }
    if (code === 'BAD_REQUEST') {
      const { errors, other } = steeringIssues(errorIssues(error), order);
      setServerErrors(errors);
      if (other.length > 0 || Object.keys(errors).length === 0)
        setFormError([t('steering.errors.rejected'), ...other]);
    } else if (code === 'FORBIDDEN') setFormError([t('steering.forbidden')]);
    else if (code === 'NOT_FOUND') setFormError([t('agreementDetail.notFound')]);
    else setFormError([t('steering.errors.failed')]);
    focusSoon(() => summaryRef.current);
  });

  function answer(question: Question, value: string) {
    const next = { ...answers, [question]: value };
    setAnswers(next);
    setNotice('');
    setServerErrors((previous) => withoutStale(previous, `answers.${question}`));
    if (clientErrors[`answers.${question}`]) {
      const { [`answers.${question}`]: _fixed, ...rest } = clientErrors;
      setClientErrors(rest);
    }
    // A proposal belongs to its answers: changed answers need a new one before anything is saved.
    if (proposed) {
      const valid = validateAnswers(next);
      if (!valid.ok || !sameAnswers(valid.answers, proposed.answers)) {
        setProposed(null);
        setDecision(null);
        setAnnouncement(t('steering.designer.answersChanged'));
      }
    }
  }

  function changeDecision(next: DecisionValues, changed: string) {
    setDecision(next);
    setNotice('');
    if (attempted && proposed) {
      const result = validateDecision(proposed.answers, proposed.result.type, next);
      setClientErrors(result.ok ? {} : result.errors);
    }
    setServerErrors((previous) => withoutStale(previous, changed));
  }

  function requestProposal(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (propose.isPending) return;
    setFormError([]);
    setServerErrors({});
    const result = validateAnswers(answers);
    if (!result.ok) {
      setClientErrors(result.errors);
      focusSoon(() => summaryRef.current);
      return;
    }
    setClientErrors({});
    propose.mutate(result.answers);
  }

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending || !proposed || !decision) return;
    setAttempted(true);
    setServerErrors({});
    setFormError([]);
    setConflict(false);
    const result = validateDecision(proposed.answers, proposed.result.type, decision);
    if (!result.ok) {
      setClientErrors(result.errors);
      focusSoon(() => summaryRef.current);
      return;
    }
    setClientErrors({});
    if (sameDecision(result.relation, base.relation)) {
      setNotice(t('steering.designer.noChanges'));
      return;
    }
    update.mutate({ agreementId: agreement.id, expectedVersion: base.version, relation: result.relation });
  }

  const questionLegend = (question: 'complexity' | 'alignment') => (
    <>
      <span className="regie-question-number">{t(`steering.questionNumbers.${question}`)}</span>{' '}
      {t(`steering.questions.${question}`)}
    </>
  );
  const proposedType = proposed?.result.type;

  return (
    <>
      {conflict ? <ConflictAlert conflictRef={conflictRef} onReload={() => void onReload()} /> : null}
      <ErrorSummary
        title={t('agreementForm.summaryTitle')}
        general={formError}
        fields={order.flatMap((path) => {
          const text = errorFor(path);
          return text ? [{ id: summaryTarget(path), text }] : [];
        })}
        summaryRef={summaryRef}
      />

      <form className="regie-form" noValidate onSubmit={requestProposal} aria-labelledby="questions-heading">
        <Heading2 id="questions-heading">{t('steering.designer.questionsTitle')}</Heading2>
        <QuestionGroup
          question="complexity"
          legend={questionLegend('complexity')}
          value={answers.complexity}
          error={errorFor('answers.complexity')}
          onChange={(v) => answer('complexity', v)}
        />
        <Fieldset
          id={id('answers.control')}
          legend={
            <>
              <span className="regie-question-number">{t('steering.questionNumbers.control')}</span>{' '}
              {t('steering.questions.control')}
            </>
          }
          hint={t('steering.designer.controlHint')}
        >
          {(['controlWhat', 'controlHow'] as const).map((question) => (
            <QuestionGroup
              key={question}
              question={question}
              legend={t(`steering.questions.${question}`)}
              value={answers[question]}
              error={errorFor(`answers.${question}`)}
              onChange={(v) => answer(question, v)}
            />
          ))}
        </Fieldset>
        <QuestionGroup
          question="alignment"
          legend={questionLegend('alignment')}
          value={answers.alignment}
          error={errorFor('answers.alignment')}
          onChange={(v) => answer('alignment', v)}
        />
        <div role="status" aria-live="polite" className="regie-status">
          {propose.isPending ? t('steering.designer.proposing') : null}
        </div>
        <ButtonGroup>
          <Button
            type="submit"
            appearance={proposed ? 'secondary-action-button' : 'primary-action-button'}
            busy={propose.isPending}
          >
            {t('steering.designer.propose')}
          </Button>
          {proposed ? null : (
            <Link href={`/agreements/${encodeURIComponent(agreement.id)}`} asChild>
              <ButtonLink appearance="secondary-action-button">{t('agreementForm.cancel')}</ButtonLink>
            </Link>
          )}
        </ButtonGroup>
      </form>

      {proposed && decision && proposedType ? (
        <section className="regie-section" aria-labelledby="proposal-heading" data-testid="proposal">
          <Heading2 id="proposal-heading" ref={proposalRef} tabIndex={-1} className="regie-page-heading">
            {t('steering.designer.proposalTitle')}
          </Heading2>
          <ProposalSummary proposed={proposed} />
          <form className="regie-form" noValidate onSubmit={save} aria-labelledby="proposal-heading">
            <RadioGroup
              id={id('chosen')}
              name="chosen"
              legend={t('steering.designer.chosenLegend')}
              error={errorFor('chosen')}
              value={decision.chosen}
              onChange={(v) => changeDecision({ ...decision, chosen: v }, 'chosen')}
              options={RELATION_TYPES.map((type) => ({
                value: type,
                label: (
                  <>
                    {relationTypeLabel(t, type)}
                    {type === proposedType ? ` ${t('steering.designer.proposedMarker')}` : null}
                  </>
                ),
                description: relationTypeExplanation(t, type),
              }))}
            />
            {needsMotivation(decision.chosen, proposedType) ? (
              <>
                <Field
                  id={id('motivation')}
                  label={t('steering.designer.motivationLabel')}
                  hint={t('steering.designer.motivationHint', { type: relationTypeLabel(t, proposedType) })}
                  error={errorFor('motivation')}
                >
                  {(props) => (
                    <Textarea
                      {...props}
                      name="motivation"
                      rows={4}
                      required
                      value={decision.motivation}
                      onChange={(e) =>
                        changeDecision({ ...decision, motivation: e.target.value }, 'motivation')
                      }
                    />
                  )}
                </Field>
                <Paragraph className="regie-hint">
                  {t('steering.designer.otherTypeHint', { type: relationTypeLabel(t, decision.chosen) })}
                </Paragraph>
              </>
            ) : null}
            <GovernanceFields
              values={decision.governance}
              onChange={(governance, changed) => changeDecision({ ...decision, governance }, changed)}
              errorFor={errorFor}
              announce={setAnnouncement}
            />
            <div role="status" aria-live="polite" className="regie-status">
              {update.isPending ? t('agreementForm.saving') : notice}
            </div>
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" busy={update.isPending}>
                {t('steering.designer.save')}
              </Button>
              <Link href={`/agreements/${encodeURIComponent(agreement.id)}`} asChild>
                <ButtonLink appearance="secondary-action-button">{t('agreementForm.cancel')}</ButtonLink>
              </Link>
            </ButtonGroup>
          </form>
        </section>
      ) : (
        <div role="status" aria-live="polite" className="regie-status">
          {notice}
        </div>
      )}
      <div role="status" aria-live="polite" className="regie-visually-hidden">
        {announcement}
      </div>
    </>
  );
}

/** `/agreements/:id/relation`: the relation designer (SPEC §4.1), from three questions to stored governance. */
export function RelationDesignerPage({ id: agreementId }: { id: string }) {
  const { t } = useTranslation();
  return (
    <SteeringEditorPage
      id={agreementId}
      title={t('steering.designer.title')}
      pageTitle={(reference) => t('steering.designer.pageTitle', { reference })}
      intro={t('steering.designer.intro')}
    >
      {(props) => <DesignerForm {...props} />}
    </SteeringEditorPage>
  );
}
