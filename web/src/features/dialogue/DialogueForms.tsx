import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Select, SelectOption, Textarea, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { formatDateLong, localeFor } from '../../lib/format';
import { useMutationError } from '../../lib/mutation-error';
import { todayIso } from '../../lib/reports/model';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { CollabQuestions } from './CollabQuestions';
import {
  type AnswerValues,
  type Meeting,
  type MeetingField,
  type MeetingInput,
  type MeetingValues,
  noAnswers,
  readAnswers,
  type ScoreInput,
  validateMeeting,
} from './model';

/** The server's refusal in the page's language: issues on `fields` at their field, the rest in the summary. */
function useSaveError(fields: readonly string[] = []) {
  const { t } = useTranslation();
  return useMutationError({
    fieldOf: (path) => (fields.includes(path) ? path : undefined),
    messages: { forbidden: t('dialogue.errors.forbidden') },
  });
}

function useRefresh(agreementId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.dialogue.list.queryKey({ agreementId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.dialogue.trend.queryKey({ agreementId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: agreementId }) }),
    ]);
}

/** "Uw score geven": the four answers of the side that has not given them yet (the score is their mean). */
export function ScoreForm({ m, onDone }: { m: Meeting; onDone: (s: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const refresh = useRefresh(m.agreementId);
  const [answers, setAnswers] = useState<AnswerValues>(noAnswers);
  const [error, setError] = useState<string | undefined>();
  const failed = useSaveError(['answers', 'score']);
  const keys = useRef(idempotencyKeys());
  const prefix = `meeting-${m.id}-score`;
  const give = useMutation({
    mutationKey: trpc.dialogue.score.mutationKey(),
    mutationFn: (input: ScoreInput) => {
      const idempotencyKey = keys.current(input);
      return client.dialogue.score.mutate(
        input,
        idempotencyKey ? { context: { idempotencyKey } } : undefined,
      );
    },
    onSuccess: async () => {
      keys.current = idempotencyKeys();
      onDone(t('dialogue.scoreSaved'));
      await refresh();
    },
    onError: failed.onError,
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (give.isPending) return;
    failed.reset();
    const read = readAnswers(answers, false);
    if (!read.ok || !read.answers) {
      setError(t('collaboration.errorAnswers'));
      focusSoon(() => failed.summaryRef.current);
      return;
    }
    setError(undefined);
    // With the meeting's version seen: a score given meanwhile answers CONFLICT instead of being overwritten.
    give.mutate({
      agreementId: m.agreementId,
      meetingId: m.id,
      answers: read.answers,
      expectedVersion: m.version,
    });
  }
  const scoreError = error ?? failed.fieldErrors.answers ?? failed.fieldErrors.score;
  return (
    <form className="regie-form" noValidate onSubmit={submit} aria-labelledby={`${prefix}-heading`}>
      <h4 className="regie-subheading" id={`${prefix}-heading`}>
        {t('dialogue.giveScore')}
      </h4>
      <ErrorSummary
        title={t('dialogue.errorTitle')}
        general={failed.summary ? [failed.summary] : []}
        fields={scoreError ? [{ id: prefix, text: scoreError }] : []}
        summaryRef={failed.summaryRef}
      />
      <CollabQuestions
        id={prefix}
        values={answers}
        onChange={setAnswers}
        error={scoreError}
        optional={false}
      />
      <Button type="submit" appearance="secondary-action-button" busy={give.isPending}>
        {t('dialogue.scoreSubmit')}
      </Button>
    </form>
  );
}

const emptyMeeting = (): MeetingValues => ({
  date: todayIso(),
  kind: 'meeting',
  participants: '',
  notes: '',
  actions: '',
  answers: noAnswers(),
});

/** "Overleg vastleggen": date, kind, participants, notes, actions and the recording side's four answers. */
export function RecordForm({ agreementId, onDone }: { agreementId: string; onDone: (s: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const refresh = useRefresh(agreementId);
  const [values, setValues] = useState<MeetingValues>(emptyMeeting);
  const [errors, setErrors] = useState<MeetingField[]>([]);
  const failed = useSaveError([]);
  const keys = useRef(idempotencyKeys());
  const id = (field: string) => `meeting-new-${field}`;
  const errorOf = (field: MeetingField) =>
    errors.includes(field) ? t(`dialogue.errors.${field}`) : undefined;
  const record = useMutation({
    mutationKey: trpc.dialogue.record.mutationKey(),
    mutationFn: (input: MeetingInput) => {
      const idempotencyKey = keys.current(input);
      return client.dialogue.record.mutate(
        input,
        idempotencyKey ? { context: { idempotencyKey } } : undefined,
      );
    },
    onSuccess: async (_result, input) => {
      keys.current = idempotencyKeys();
      setValues(emptyMeeting());
      onDone(t('dialogue.recordSaved', { date: formatDateLong(input.date, locale) }));
      await refresh();
    },
    onError: failed.onError,
  });
  const set = (field: Exclude<keyof MeetingValues, 'answers'>) => (value: string) =>
    setValues((v) => ({ ...v, [field]: value }));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (record.isPending) return;
    failed.reset();
    const result = validateMeeting(agreementId, values);
    if (!result.ok) {
      setErrors(result.errors);
      focusSoon(() => failed.summaryRef.current);
      return;
    }
    setErrors([]);
    record.mutate(result.input);
  }
  return (
    <section className="regie-subsection" aria-labelledby="meeting-new-heading">
      <h3 className="regie-subheading" id="meeting-new-heading">
        {t('dialogue.recordTitle')}
      </h3>
      <form className="regie-form" noValidate onSubmit={submit} aria-labelledby="meeting-new-heading">
        <ErrorSummary
          title={t('dialogue.errorTitle')}
          general={failed.summary ? [failed.summary] : []}
          fields={errors.map((f) => ({ id: id(f), text: t(`dialogue.errors.${f}`) }))}
          summaryRef={failed.summaryRef}
        />
        <div className="regie-form__row">
          <Field id={id('date')} label={t('dialogue.date')} error={errorOf('date')}>
            {(props) => (
              <Textbox
                {...props}
                type="date"
                name="date"
                required
                value={values.date}
                onChange={(e) => set('date')(e.target.value)}
              />
            )}
          </Field>
          <Field id={id('kind')} label={t('dialogue.kind')} error={undefined}>
            {(props) => (
              <Select
                {...props}
                name="kind"
                value={values.kind}
                onChange={(e) => set('kind')(e.target.value)}
              >
                <SelectOption value="meeting">{t('dialogue.kinds.meeting')}</SelectOption>
                <SelectOption value="evaluation">{t('dialogue.kinds.evaluation')}</SelectOption>
              </Select>
            )}
          </Field>
        </div>
        <Field
          id={id('participants')}
          label={t('dialogue.participantsField')}
          hint={t('dialogue.participantsHint')}
          error={errorOf('participants')}
        >
          {(props) => (
            <Textarea
              {...props}
              name="participants"
              rows={3}
              required
              value={values.participants}
              onChange={(e) => set('participants')(e.target.value)}
            />
          )}
        </Field>
        <Field id={id('notes')} label={t('dialogue.notesField')} error={undefined}>
          {(props) => (
            <Textarea
              {...props}
              name="notes"
              rows={3}
              maxLength={5000}
              value={values.notes}
              onChange={(e) => set('notes')(e.target.value)}
            />
          )}
        </Field>
        <Field
          id={id('actions')}
          label={t('dialogue.actionsField')}
          hint={t('dialogue.actionsHint')}
          error={errorOf('actions')}
        >
          {(props) => (
            <Textarea
              {...props}
              name="actions"
              rows={3}
              value={values.actions}
              onChange={(e) => set('actions')(e.target.value)}
            />
          )}
        </Field>
        <CollabQuestions
          id={id('answers')}
          values={values.answers}
          onChange={(answers) => setValues((v) => ({ ...v, answers }))}
          error={errorOf('answers')}
          optional
        />
        <Button
          type="submit"
          appearance="primary-action-button"
          busy={record.isPending}
          className="regie-form__submit"
        >
          {t('dialogue.recordSubmit')}
        </Button>
      </form>
    </section>
  );
}
