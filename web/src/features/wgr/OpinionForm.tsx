import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { WGR_OPINION_OUTCOMES } from '@regie/core/browser';
import { Select, SelectOption, Textarea, Textbox } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field, focusSoon } from '../../lib/form';
import { useErrorText } from '../../lib/form-schema';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import {
  OPINION_FIELDS,
  type OpinionField,
  type OpinionValues,
  opinionDefaults,
  opinionSchema,
  wgrTarget,
} from './forms';
import type { WgrView } from './model';
import { useWgrSave, WgrForm } from './save';

/** One council's opinion: the rows the caller may write (all for the region, its own for a member). */
export function OpinionFormSection({
  view,
  onDone,
  onReload,
}: {
  view: WgrView;
  onDone: (text: string) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const memberOf = (space: string) => view.members.find((m) => m.space === space);
  const first = view.canRecordFor[0] ?? '';
  const id = (f: OpinionField | 'member') => `wgr-opinion-${f}`;
  const schema = useMemo(() => opinionSchema(wgrTarget(view)), [view]);
  const form = useForm({
    resolver: standardSchemaResolver(schema),
    defaultValues: opinionDefaults(first, memberOf(first)?.opinion ?? null) satisfies OpinionValues,
    shouldFocusError: false,
  });
  const error = useErrorText(form.formState.errors, { year: view.year });
  const record = useWgrSave(
    view,
    trpc.wgr.recordOpinion.mutationKey(),
    (input: Parameters<typeof client.wgr.recordOpinion.mutate>[0], options) =>
      client.wgr.recordOpinion.mutate(input, options),
    (result, input) =>
      t('wgr.recorded', {
        name: result.members.find((m) => m.space === input.member)?.name ?? input.member,
      }),
    onDone,
  );
  const submit = form.handleSubmit(
    (input) => record.mutation.mutate(input),
    () => focusSoon(() => record.summaryRef.current),
  );
  const fields = OPINION_FIELDS.flatMap((f) => {
    const text = error(f);
    return text ? [{ id: id(f), text }] : [];
  });
  const root = error('root');
  const { register } = form;
  const member = register('member');
  const dateField = (f: 'draftReceived' | 'opinionSubmitted' | 'answered', label: string) => (
    <Field id={id(f)} label={label} error={error(f)}>
      {(props) => <Textbox {...props} {...register(f)} type="date" />}
    </Field>
  );
  return (
    <WgrForm
      name="opinion"
      title={t('wgr.recordTitle')}
      intro={t('wgr.recordIntro')}
      save={root ? { ...record, general: [...record.general, root] } : record}
      fields={fields}
      onSubmit={(event) => void submit(event)}
      onReload={onReload}
      submitLabel={t('wgr.record')}
    >
      <Field id={id('member')} label={t('wgr.memberField')} error={undefined}>
        {(props) => (
          <Select
            {...props}
            {...member}
            onChange={(e) => {
              // Another council: its row as recorded so far, and no errors of the one before.
              form.reset(opinionDefaults(e.target.value, memberOf(e.target.value)?.opinion ?? null));
            }}
          >
            {view.canRecordFor.map((space) => (
              <SelectOption key={space} value={space}>
                {memberOf(space)?.name ?? space}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      <div className="regie-form__row">
        {dateField('draftReceived', t('wgr.draftReceived'))}
        {dateField('opinionSubmitted', t('wgr.opinionSubmitted'))}
        <Field id={id('outcome')} label={t('wgr.outcomeField')} error={error('outcome')}>
          {(props) => (
            <Select {...props} {...register('outcome')}>
              <SelectOption value="">{t('wgr.outcomeEmpty')}</SelectOption>
              {WGR_OPINION_OUTCOMES.map((o) => (
                <SelectOption key={o} value={o}>
                  {t(`wgr.outcomes.${o}`)}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Field
        id={id('summary')}
        label={t('wgr.summaryField')}
        hint={t('wgr.summaryHint')}
        error={error('summary')}
      >
        {(props) => <Textarea {...props} {...register('summary')} rows={3} maxLength={2000} />}
      </Field>
      {dateField('answered', t('wgr.answered'))}
    </WgrForm>
  );
}
