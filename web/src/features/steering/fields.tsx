import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  FormField,
  FormFieldDescription,
  FormLabel,
  Paragraph,
  RadioButton,
} from '@utrecht/component-library-react';
import { Fragment, type ReactNode, type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { kindLabel } from '../../lib/agreements/labels';
import type { InternalAgreement } from '../../lib/agreements/model';
import { errorCode } from '../../lib/errors';
import { PageHeading, usePageTitle } from '../../lib/page';
import { type Steering, type SteeringUpdateInput, steeringAccess } from '../../lib/steering/model';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { Fieldset } from '../../ui/Fieldset';
import { StatusLine } from '../../ui/StatusLine';

/** The input id of a field path in a steering form: `governance.escalationLadder.0.days` → `relation-governance-escalationLadder-0-days`. */
export const fieldId = (form: 'relation' | 'roles', path: string) => `${form}-${path.replace(/\./g, '-')}`;

/** The id of a radio group's option; the first option is where the error summary sends focus. */
export const optionId = (groupId: string, value: string) => `${groupId}-${value}`;

/** One question, one answer: native radio buttons in a fieldset whose legend is the question. */
export function RadioGroup({
  id,
  name,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  className,
}: {
  id: string;
  name: string;
  legend: ReactNode;
  hint?: string;
  error?: string;
  options: readonly { value: string; label: ReactNode; description?: string }[];
  value: string;
  onChange: (value: string) => void;
  className?: string;
}) {
  return (
    <Fieldset
      id={id}
      legend={legend}
      hint={hint}
      error={error}
      className={`regie-radio-group${className ? ` ${className}` : ''}`}
    >
      {options.map((option) => {
        const inputId = optionId(id, option.value);
        return (
          <FormField
            key={option.value}
            type="radio"
            className="regie-choice"
            label={
              <FormLabel htmlFor={inputId} type="radio" checked={value === option.value}>
                {option.label}
              </FormLabel>
            }
            description={
              option.description ? (
                <FormFieldDescription id={`${inputId}-description`}>
                  {option.description}
                </FormFieldDescription>
              ) : undefined
            }
            input={
              <RadioButton
                id={inputId}
                name={name}
                value={option.value}
                checked={value === option.value}
                invalid={error !== undefined}
                aria-describedby={option.description ? `${inputId}-description` : undefined}
                onChange={() => onChange(option.value)}
              />
            }
          />
        );
      })}
    </Fieldset>
  );
}

/** "Someone else changed it meanwhile", with the button that loads the latest: the same words as for the terms. */
export function ConflictAlert({
  conflictRef,
  onReload,
}: {
  conflictRef: Ref<HTMLDivElement>;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div ref={conflictRef} tabIndex={-1} className="regie-error-summary">
      <Alert type="warning">
        <Paragraph>{t('agreementForm.conflict')}</Paragraph>
        <Button appearance="secondary-action-button" onClick={onReload}>
          {t('agreementForm.reload')}
        </Button>
      </Alert>
    </div>
  );
}

/**
 * Saving steering (`steering.update`) with an Idempotency-Key per distinct input. After saving, the agreement
 * page shows what was stored at once, and its audit trail and the role-conflict report are refreshed.
 */
export function useSteeringUpdate(agreementId: string, onError: (error: unknown) => void) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [keyFor] = useState(idempotencyKeys);
  return useMutation({
    mutationKey: trpc.steering.update.mutationKey(),
    mutationFn: (input: SteeringUpdateInput) => {
      const idempotencyKey = keyFor(input);
      return client.steering.update.mutate(
        input,
        idempotencyKey ? { context: { idempotencyKey } } : undefined,
      );
    },
    onSuccess: async () => {
      await Promise.all([
        // Refetched, not set from the answer: a re-decision also changes each party's confirmation state.
        queryClient.invalidateQueries({ queryKey: trpc.steering.get.queryKey({ agreementId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.steering.roleConflicts.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: agreementId }) }),
      ]);
      navigate(`/agreements/${encodeURIComponent(agreementId)}`, { state: { saved: 'steering' } });
    },
    onError,
  });
}

export interface EditorProps {
  agreement: InternalAgreement;
  /** The steering being edited: fixed for the form's life, so `expectedVersion` is the one the person saw. */
  steering: Steering;
  reloaded: boolean;
  onReload: () => Promise<void>;
  /** `ownRow`: a member municipality on a region's GR, which changes only its own row of the roles per member. */
  access: 'all' | 'ownRow';
  /** The caller's space (its row, in `ownRow`). */
  mySpace: string;
}

/**
 * The frame of the two steering editors: the agreement's kind and reference above the heading, loading and
 * error states, the permission check (inkoper and contractmanager; never a provider), and a reload that
 * rebuilds the form from the latest steering after a conflict.
 */
export function SteeringEditorPage({
  id,
  title,
  pageTitle,
  intro,
  ownRow = false,
  children,
}: {
  id: string;
  title: string;
  pageTitle: (reference: string) => string;
  intro: string;
  /** Whether a member municipality may open this editor for its own row (the roles editor only). */
  ownRow?: boolean;
  children: (props: EditorProps) => ReactNode;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  const agreement = useQuery(trpc.agreement.get.queryOptions({ id }));
  const a = agreement.data;
  const internal = a?.view === 'internal' ? a : null;
  const access = internal ? steeringAccess(me.data, internal) : 'none';
  const allowed = access === 'all' || (ownRow && access === 'ownRow');
  const steering = useQuery({ ...trpc.steering.get.queryOptions({ agreementId: id }), enabled: allowed });
  const [generation, setGeneration] = useState(0);
  usePageTitle(a ? pageTitle(a.reference) : t('agreementDetail.loading'));

  async function reload() {
    await steering.refetch();
    setGeneration((n) => n + 1);
  }

  const back = (
    <Paragraph>
      <Link href={`/agreements/${encodeURIComponent(id)}`} className="utrecht-link">
        {t('agreementForm.backToAgreement')}
      </Link>
    </Paragraph>
  );

  if (!a) {
    const notFound = agreement.isError && errorCode(agreement.error) === 'NOT_FOUND';
    return (
      <div className="regie-form-page">
        <StatusLine>{agreement.isPending ? t('agreementDetail.loading') : null}</StatusLine>
        {agreement.isError ? (
          <Alert type={notFound ? 'warning' : 'error'}>
            {notFound ? t('agreementDetail.notFound') : t('agreementDetail.error')}
          </Alert>
        ) : null}
        {back}
      </div>
    );
  }

  const forbidden = !internal || (me.data !== undefined && !allowed);
  return (
    <div className="regie-form-page">
      <p className="regie-pre-heading">
        {kindLabel(t, a.kind)} · {a.reference} · {a.title}
      </p>
      <PageHeading>{title}</PageHeading>
      {forbidden ? (
        <>
          <Alert type="warning">{t('steering.forbidden')}</Alert>
          {back}
        </>
      ) : (
        <>
          <Paragraph>{intro}</Paragraph>
          <StatusLine>{steering.isPending && allowed ? t('steering.loading') : null}</StatusLine>
          {steering.isError ? <Alert type="error">{t('steering.error')}</Alert> : null}
          {internal && steering.data ? (
            // A new generation after a reload: the form is rebuilt from the latest steering.
            <Fragment key={generation}>
              {children({
                agreement: internal,
                steering: steering.data,
                reloaded: generation > 0,
                onReload: reload,
                access: access === 'ownRow' ? 'ownRow' : 'all',
                mySpace: me.data?.space ?? '',
              })}
            </Fragment>
          ) : null}
          {steering.isError ? back : null}
        </>
      )}
    </div>
  );
}
