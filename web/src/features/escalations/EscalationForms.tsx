import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, Paragraph, Textarea, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Escalation, nextLevel, type OpenInput, type StepInput } from '../../lib/escalations/model';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { useMutationError } from '../../lib/mutation-error';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { type PartyChoice, PartyField, partyInput, partyMissing } from '../../ui/PartyField';

type Errors = Partial<Record<'subject' | 'description' | 'note' | 'party', string>>;
type StepAction = 'escalate' | 'respond' | 'resolve';

/** After any step: the list here, the dashboard and the open escalations under Sturing, the audit trail. */
function useRefresh(agreementId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.escalation.list.queryKey({ agreementId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.escalation.openInSpace.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.steering.dashboard.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: agreementId }) }),
    ]);
}

/** The server's refusal of a step, in the page's language; a stale version is said with a reload. */
function useStepError(fields: readonly string[]) {
  const { t } = useTranslation();
  return useMutationError({
    fieldOf: (path) => (fields.includes(path) ? path : undefined),
    messages: { forbidden: t('escalations.errors.forbidden'), conflict: t('escalations.conflict') },
  });
}

/**
 * "Opschalen naar …", "Reageren" and — for the side that opened it, or the owner's roles — "Afhandelen", sharing
 * the note the step requires; a stale version offers a reload.
 */
export function StepForm({
  e,
  mayClose,
  onDone,
}: {
  e: Escalation;
  mayClose: boolean;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const refresh = useRefresh(e.agreementId);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const failed = useStepError(['note']);
  const conflict = failed.kind === 'conflict';
  const keys = useRef(idempotencyKeys());
  const next = nextLevel(e);
  const fieldId = `escalation-${e.id}-note`;

  const step = useMutation({
    mutationKey: trpc.escalation.escalate.mutationKey(),
    mutationFn: ({ action, input }: { action: StepAction; input: StepInput }) => {
      const idempotencyKey = keys.current({ action, input });
      const options = idempotencyKey ? { context: { idempotencyKey } } : undefined;
      return client.escalation[action].mutate(input, options);
    },
    onSuccess: async (result, { action }) => {
      keys.current = idempotencyKeys();
      setNote('');
      onDone(
        action === 'escalate'
          ? t('escalations.escalated', {
              subject: result.subject,
              level: result.ladder[result.level]?.level ?? '',
            })
          : action === 'respond'
            ? t('escalations.responded', { subject: result.subject })
            : t('escalations.resolved', { subject: result.subject }),
      );
      await refresh();
    },
    onError: failed.onError,
  });

  function submit(action: StepAction) {
    return (event: FormEvent<HTMLFormElement> | { preventDefault(): void }) => {
      event.preventDefault();
      if (step.isPending) return;
      failed.reset();
      if (note.trim() === '') {
        setError(t('escalations.errors.note'));
        focusSoon(() => failed.summaryRef.current);
        return;
      }
      setError(undefined);
      step.mutate({
        action,
        input: {
          agreementId: e.agreementId,
          escalationId: e.id,
          expectedVersion: e.version,
          note: note.trim(),
        },
      });
    };
  }

  const noteError = error ?? failed.fieldErrors.note;
  return (
    <form
      className="regie-form"
      noValidate
      onSubmit={submit(next ? 'escalate' : mayClose ? 'resolve' : 'respond')}
    >
      {conflict ? (
        <div ref={failed.summaryRef} tabIndex={-1} className="regie-error-summary">
          <Alert type="warning">
            <Paragraph>{t('escalations.conflict')}</Paragraph>
            <Button
              appearance="secondary-action-button"
              onClick={() => {
                failed.reset();
                void refresh();
              }}
            >
              {t('escalations.reload')}
            </Button>
          </Alert>
        </div>
      ) : null}
      <ErrorSummary
        title={t('escalations.errorTitle')}
        general={!conflict && failed.summary ? [failed.summary] : []}
        fields={noteError ? [{ id: fieldId, text: noteError }] : []}
        summaryRef={failed.summaryRef}
      />
      <Field
        id={fieldId}
        label={t('escalations.stepNote')}
        hint={t('escalations.stepNoteHint')}
        error={noteError}
      >
        {(props) => (
          <Textarea
            {...props}
            name="note"
            rows={2}
            required
            maxLength={2000}
            value={note}
            onChange={(ev) => {
              setNote(ev.target.value);
              if (error && ev.target.value.trim() !== '') setError(undefined);
            }}
          />
        )}
      </Field>
      {next ? null : <Paragraph>{t('escalations.atTop')}</Paragraph>}
      {mayClose ? null : <Paragraph>{t('escalations.resolveByOpener')}</Paragraph>}
      <div role="status" aria-live="polite" className="regie-status">
        {step.isPending ? t('app.loading') : null}
      </div>
      <ButtonGroup>
        {next ? (
          <Button type="submit" appearance="primary-action-button" busy={step.isPending}>
            {t('escalations.escalateTo', { level: next })}
          </Button>
        ) : null}
        <Button
          type={next || mayClose ? 'button' : 'submit'}
          appearance={next || mayClose ? 'secondary-action-button' : 'primary-action-button'}
          busy={step.isPending}
          onClick={next || mayClose ? submit('respond') : undefined}
        >
          {t('escalations.respond')}
        </Button>
        {mayClose ? (
          <Button
            type={next ? 'button' : 'submit'}
            appearance={next ? 'secondary-action-button' : 'primary-action-button'}
            busy={step.isPending}
            onClick={next ? submit('resolve') : undefined}
          >
            {t('escalations.resolve')}
          </Button>
        ) : null}
      </ButtonGroup>
    </form>
  );
}

/** "Escalatie openen": a subject and what it is about; it starts at the ladder's first level. */
export function OpenForm({
  agreementId,
  parties,
  onDone,
}: {
  agreementId: string;
  parties: readonly PartyChoice[];
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const refresh = useRefresh(agreementId);
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [party, setParty] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const failed = useStepError(['subject', 'description', 'party']);
  const keys = useRef(idempotencyKeys());

  const open = useMutation({
    mutationKey: trpc.escalation.open.mutationKey(),
    mutationFn: (input: OpenInput) => {
      const idempotencyKey = keys.current(input);
      return client.escalation.open.mutate(
        input,
        idempotencyKey ? { context: { idempotencyKey } } : undefined,
      );
    },
    onSuccess: async (result) => {
      keys.current = idempotencyKeys();
      setSubject('');
      setDescription('');
      onDone(t('escalations.opened', { subject: result.subject, level: result.ladder[0]?.level ?? '' }));
      await refresh();
    },
    onError: failed.onError,
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (open.isPending) return;
    failed.reset();
    const next: Errors = {};
    if (subject.trim() === '') next.subject = t('escalations.errors.subject');
    if (description.trim() === '') next.description = t('escalations.errors.description');
    if (partyMissing(parties, party)) next.party = t('parties.required');
    setErrors(next);
    if (Object.keys(next).length > 0) {
      focusSoon(() => failed.summaryRef.current);
      return;
    }
    open.mutate({
      agreementId,
      subject: subject.trim(),
      description: description.trim(),
      ...partyInput(parties, party),
    });
  }

  const shown: Errors = { ...failed.fieldErrors, ...errors };
  const fields = (['party', 'subject', 'description'] as const)
    .filter((f) => shown[f])
    .map((f) => ({ id: `escalation-new-${f}`, text: shown[f] ?? '' }));
  return (
    <section className="regie-subsection" aria-labelledby="escalation-new-heading">
      <h3 className="regie-subheading" id="escalation-new-heading">
        {t('escalations.openTitle')}
      </h3>
      <form className="regie-form" noValidate onSubmit={submit} aria-labelledby="escalation-new-heading">
        <ErrorSummary
          title={t('escalations.errorTitle')}
          general={failed.summary ? [failed.summary] : []}
          fields={fields}
          summaryRef={failed.summaryRef}
        />
        <PartyField
          id="escalation-new-party"
          parties={parties}
          value={party}
          onChange={setParty}
          error={shown.party}
        />
        <Field id="escalation-new-subject" label={t('escalations.subject')} error={shown.subject}>
          {(props) => (
            <Textbox
              {...props}
              name="subject"
              required
              maxLength={200}
              autoComplete="off"
              value={subject}
              onChange={(ev) => setSubject(ev.target.value)}
            />
          )}
        </Field>
        <Field id="escalation-new-description" label={t('escalations.description')} error={shown.description}>
          {(props) => (
            <Textarea
              {...props}
              name="description"
              rows={3}
              required
              maxLength={5000}
              value={description}
              onChange={(ev) => setDescription(ev.target.value)}
            />
          )}
        </Field>
        <div role="status" aria-live="polite" className="regie-status">
          {open.isPending ? t('app.loading') : null}
        </div>
        <Button
          type="submit"
          appearance="primary-action-button"
          busy={open.isPending}
          className="regie-form__submit"
        >
          {t('escalations.open')}
        </Button>
      </form>
    </section>
  );
}
