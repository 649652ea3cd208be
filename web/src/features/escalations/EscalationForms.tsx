import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, Paragraph, Textarea, Textbox } from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode } from '../../lib/errors';
import { type Escalation, nextLevel, type OpenInput, type StepInput } from '../../lib/escalations/model';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { type PartyChoice, PartyField, partyInput, partyMissing } from '../../ui/PartyField';
import { StatusLine } from '../../ui/StatusLine';

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

/** A general message for a refused save; field errors are checked before sending. */
function failure(t: TFunction, error: unknown): string {
  const code = errorCode(error);
  if (code === 'FORBIDDEN') return t('escalations.errors.forbidden');
  if (code === 'NOT_FOUND') return t('agreementDetail.notFound');
  if (code === 'BAD_REQUEST') return t('escalations.errors.rejected');
  return t('escalations.errors.failed');
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
  const [general, setGeneral] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
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
    onError: (err) => {
      if (errorCode(err) === 'CONFLICT') {
        setConflict(true);
        focusSoon(() => conflictRef.current);
        return;
      }
      setGeneral([failure(t, err)]);
      focusSoon(() => summaryRef.current);
    },
  });

  function submit(action: StepAction) {
    return (event: FormEvent<HTMLFormElement> | { preventDefault(): void }) => {
      event.preventDefault();
      if (step.isPending) return;
      setGeneral([]);
      setConflict(false);
      if (note.trim() === '') {
        setError(t('escalations.errors.note'));
        focusSoon(() => summaryRef.current);
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

  return (
    <form
      className="regie-form"
      noValidate
      onSubmit={submit(next ? 'escalate' : mayClose ? 'resolve' : 'respond')}
    >
      {conflict ? (
        <div ref={conflictRef} tabIndex={-1} className="regie-error-summary">
          <Alert type="warning">
            <Paragraph>{t('escalations.conflict')}</Paragraph>
            <Button
              appearance="secondary-action-button"
              onClick={() => {
                setConflict(false);
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
        general={general}
        fields={error ? [{ id: fieldId, text: error }] : []}
        summaryRef={summaryRef}
      />
      <Field
        id={fieldId}
        label={t('escalations.stepNote')}
        hint={t('escalations.stepNoteHint')}
        error={error}
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
      <StatusLine>{step.isPending ? t('app.loading') : null}</StatusLine>
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
  const [general, setGeneral] = useState<string[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
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
    onError: (err) => {
      setGeneral([failure(t, err)]);
      focusSoon(() => summaryRef.current);
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (open.isPending) return;
    setGeneral([]);
    const next: Errors = {};
    if (subject.trim() === '') next.subject = t('escalations.errors.subject');
    if (description.trim() === '') next.description = t('escalations.errors.description');
    if (partyMissing(parties, party)) next.party = t('parties.required');
    setErrors(next);
    if (Object.keys(next).length > 0) {
      focusSoon(() => summaryRef.current);
      return;
    }
    open.mutate({
      agreementId,
      subject: subject.trim(),
      description: description.trim(),
      ...partyInput(parties, party),
    });
  }

  const fields = (['party', 'subject', 'description'] as const)
    .filter((f) => errors[f])
    .map((f) => ({ id: `escalation-new-${f}`, text: errors[f] ?? '' }));
  return (
    <section className="regie-subsection" aria-labelledby="escalation-new-heading">
      <h3 className="regie-subheading" id="escalation-new-heading">
        {t('escalations.openTitle')}
      </h3>
      <form className="regie-form" noValidate onSubmit={submit} aria-labelledby="escalation-new-heading">
        <ErrorSummary
          title={t('escalations.errorTitle')}
          general={general}
          fields={fields}
          summaryRef={summaryRef}
        />
        <PartyField
          id="escalation-new-party"
          parties={parties}
          value={party}
          onChange={setParty}
          error={errors.party}
        />
        <Field id="escalation-new-subject" label={t('escalations.subject')} error={errors.subject}>
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
        <Field
          id="escalation-new-description"
          label={t('escalations.description')}
          error={errors.description}
        >
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
        <StatusLine>{open.isPending ? t('app.loading') : null}</StatusLine>
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
