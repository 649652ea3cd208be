import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import type { RelationAnswers, RelationDecision } from '@regie/core/browser';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, ButtonLink, Heading2 } from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { get, type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorSummary, focusSoon } from '../../lib/form';
import { deepestField, orderedErrors, SERVER_TEXT, useErrorText } from '../../lib/form-schema';
import { useMutationError } from '../../lib/mutation-error';
import { answerLabel, relationTypeLabel } from '../../lib/steering/labels';
import { QUESTIONS, type Question, RELATION_TYPES } from '../../lib/steering/model';
import { useTRPC } from '../../lib/trpc';
import { Fieldset } from '../../ui/Fieldset';
import { StatusLine } from '../../ui/StatusLine';
import { DecisionForm } from './DecisionForm';
import {
  ConflictAlert,
  type EditorProps,
  fieldId,
  optionId,
  RadioGroup,
  SteeringEditorPage,
  useSteeringUpdate,
} from './fields';
import { GovernanceReview } from './GovernanceReview';
import type { Proposed } from './ProposalSummary';
import {
  type AnswerValues,
  answerOptions,
  answersOf,
  answersSchema,
  answerValues,
  type DecisionValues,
  decisionFieldOrder,
  decisionSchema,
  initialDecision,
  sameAnswers,
  sameDecision,
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

function DesignerForm({ agreement, steering, reloaded, onReload }: EditorProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [base] = useState(steering);
  const answersForm = useForm<AnswerValues, unknown, RelationAnswers>({
    defaultValues: answerValues(base.relation?.answers),
    resolver: standardSchemaResolver(answersSchema),
    shouldFocusError: false,
  });
  // The decision's schema depends on the answers the proposal was made for: set with each proposal.
  const decisionResolver = useRef<Resolver<DecisionValues, unknown, RelationDecision> | null>(null);
  const decisionForm = useForm<DecisionValues, unknown, RelationDecision>({
    resolver: (values, context, options) => {
      if (!decisionResolver.current) throw new Error('A decision is checked only after a proposal');
      return decisionResolver.current(values, context, options);
    },
    shouldFocusError: false,
  });
  const [proposed, setProposed] = useState<Proposed | null>(null);
  // The decision whose consequences are under review (the step after the decision form), if any.
  const [review, setReview] = useState<RelationDecision | null>(null);
  const reviewRef = useRef<HTMLHeadingElement>(null);
  const [formError, setFormError] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [notice, setNotice] = useState(reloaded ? t('agreementForm.reloaded') : '');
  const [announcement, setAnnouncement] = useState('');
  const conflictRef = useRef<HTMLDivElement>(null);
  const proposalRef = useRef<HTMLHeadingElement>(null);
  const ladder = decisionForm.watch('governance.escalationLadder');
  const order = decisionFieldOrder(proposed && ladder ? { governance: { escalationLadder: ladder } } : null);
  const answerErrors = answersForm.formState.errors;
  const decisionErrors = decisionForm.formState.errors;
  const errorFor = (path: string) =>
    path.startsWith('answers.')
      ? errorText(answerErrors[path.slice('answers.'.length) as Question])
      : errorText(get(decisionErrors, path));

  // Rebuilt from the latest steering after a conflict: the person continues at the first question.
  useEffect(() => {
    if (reloaded) document.getElementById(summaryTarget('answers.complexity'))?.focus();
  }, [reloaded]);

  const propose = useMutation({
    mutationFn: (input: RelationAnswers) =>
      queryClient.fetchQuery(trpc.steering.propose.queryOptions({ answers: input })),
    onSuccess: (result, input) => {
      decisionResolver.current = standardSchemaResolver(decisionSchema(input, result.type));
      decisionForm.reset(initialDecision(result, input, base.relation));
      setProposed({ answers: input, result });
      setAnnouncement(t('steering.designer.proposalReady', { type: relationTypeLabel(t, result.type) }));
      focusSoon(() => proposalRef.current);
    },
    onError: () => {
      setFormError([t('steering.designer.proposeFailed')]);
      focusSoon(() => summaryRef.current);
    },
  });

  const failure = useMutationError({
    fieldOf: deepestField(order, /^relation(\.|$)/),
    messages: {
      invalid: t('steering.errors.rejected'),
      forbidden: t('steering.forbidden'),
      notFound: t('agreementDetail.notFound'),
      unknown: t('steering.errors.failed'),
      network: t('steering.errors.failed'),
    },
    onConflict: () => {
      setConflict(true);
      focusSoon(() => conflictRef.current);
    },
    onFailure: (described) => {
      for (const [path, message] of Object.entries(described.fieldErrors)) {
        const fieldError = { type: SERVER_TEXT, message };
        if (path.startsWith('answers.'))
          answersForm.setError(path.slice('answers.'.length) as Question, fieldError);
        else decisionForm.setError(path as 'chosen', fieldError);
      }
    },
  });
  const summaryRef = failure.summaryRef;
  const update = useSteeringUpdate(agreement.id, (error) => failure.onError(error));

  function answer(question: Question, value: string) {
    answersForm.setValue(question, value, { shouldValidate: answersForm.formState.isSubmitted });
    answersForm.clearErrors(question);
    setNotice('');
    // A proposal belongs to its answers: changed answers need a new one before anything is saved.
    if (proposed && !sameAnswers(answersOf(answersForm.getValues()), proposed.answers)) {
      setProposed(null);
      setReview(null);
      setAnnouncement(t('steering.designer.answersChanged'));
    }
  }

  const requestProposal = answersForm.handleSubmit(
    (answers) => {
      if (!propose.isPending) propose.mutate(answers);
    },
    () => focusSoon(() => summaryRef.current),
  );
  const save = decisionForm.handleSubmit(
    (relation) => {
      if (update.isPending) return;
      if (sameDecision(relation, base.relation)) {
        setNotice(t('steering.designer.noChanges'));
        return;
      }
      update.mutate({ agreementId: agreement.id, expectedVersion: base.version, relation });
    },
    () => focusSoon(() => summaryRef.current),
  );

  const startReview = decisionForm.handleSubmit(
    (relation) => {
      setReview(relation);
      focusSoon(() => reviewRef.current);
    },
    () => focusSoon(() => summaryRef.current),
  );

  const questionLegend = (question: 'complexity' | 'alignment') => (
    <>
      <span className="regie-question-number">{t(`steering.questionNumbers.${question}`)}</span>{' '}
      {t(`steering.questions.${question}`)}
    </>
  );
  const answers = answersForm.watch();
  const summaryFields = [
    ...orderedErrors(answerErrors, QUESTIONS).map(([path, error]) => [`answers.${path}`, error] as const),
    ...(proposed ? orderedErrors(decisionErrors, order) : []),
  ];

  return (
    <>
      {conflict ? <ConflictAlert conflictRef={conflictRef} onReload={() => void onReload()} /> : null}
      <ErrorSummary
        title={t('agreementForm.summaryTitle')}
        general={[...formError, ...(failure.summary && failure.kind !== 'conflict' ? [failure.summary] : [])]}
        fields={summaryFields.map(([path, error]) => ({
          id: summaryTarget(path),
          text: errorText(error) ?? '',
        }))}
        summaryRef={summaryRef}
      />

      <form
        className="regie-form"
        noValidate
        onSubmit={(event) => {
          setFormError([]);
          void requestProposal(event);
        }}
        aria-labelledby="questions-heading"
      >
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
        <StatusLine>{propose.isPending ? t('steering.designer.proposing') : null}</StatusLine>
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

      {proposed ? (
        <DecisionForm
          agreementId={agreement.id}
          proposed={proposed}
          form={decisionForm}
          errorFor={errorFor}
          onSubmit={(event) => {
            setFormError([]);
            failure.reset();
            setConflict(false);
            setNotice('');
            void save(event);
          }}
          saving={update.isPending}
          notice={notice}
          announce={setAnnouncement}
          headingRef={proposalRef}
          onReview={() => {
            failure.reset();
            void startReview();
          }}
        />
      ) : (
        <StatusLine>{notice}</StatusLine>
      )}
      {proposed && review ? (
        <GovernanceReview agreementId={agreement.id} relation={review} headingRef={reviewRef} />
      ) : null}
      <StatusLine hidden>{announcement}</StatusLine>
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
