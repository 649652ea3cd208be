import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  Alert,
  Button,
  ButtonGroup,
  FormField,
  FormLabel,
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
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { organisationKindLabel } from '../../lib/agreements/labels';
import {
  type CreateOrganisationInput,
  isProviderUser,
  type Me,
  ORGANISATION_KINDS,
  ORGANISATION_ROLES,
  type Organisation,
  SPACE_PATTERN,
} from '../../lib/agreements/model';
import { errorCode, errorIssues } from '../../lib/errors';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { formatDate, localeFor } from '../../lib/format';
import { formatIban } from '../../lib/identifiers';
import { PageHeading, usePageTitle } from '../../lib/page';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { Section } from '../../ui/Section';
import {
  EMPTY_ORGANISATION,
  ORGANISATION_FIELDS,
  type OrganisationError,
  type OrganisationErrors,
  type OrganisationField,
  type OrganisationValues,
  organisationIssues,
  validateOrganisation,
} from './organisation-form';

const PAGE_SIZE = 50;
const inputId = (field: OrganisationField) => `organisation-${field}`;

function OrganisationsTable({ rows, busy }: { rows: Organisation[]; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const none = t('agreementDetail.none');
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table" busy={busy} data-testid="organisations-table">
        <TableCaption className="regie-visually-hidden">{t('organisations.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('organisations.name')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('organisations.kind')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('organisations.kvk')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('organisations.agb')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('organisations.iban')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('organisations.createdAt')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((o) => (
            <TableRow key={o.id}>
              <TableHeaderCell scope="row">{o.name}</TableHeaderCell>
              <TableCell>{organisationKindLabel(t, o.kind)}</TableCell>
              <TableCell className="regie-nowrap">{o.kvkNumber}</TableCell>
              <TableCell className="regie-nowrap">{o.agbCode ?? none}</TableCell>
              <TableCell className="regie-nowrap">{o.iban ? formatIban(o.iban) : none}</TableCell>
              <TableCell className="regie-nowrap">
                <time dateTime={o.createdAt}>{formatDate(o.createdAt.slice(0, 10), locale)}</time>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function CreateOrganisationForm({ space, spaceName, me }: { space: string; spaceName: string; me: Me }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<OrganisationValues>(EMPTY_ORGANISATION);
  const [clientErrors, setClientErrors] = useState<OrganisationErrors>({});
  const [serverErrors, setServerErrors] = useState<OrganisationErrors>({});
  const [formError, setFormError] = useState<string[]>([]);
  const [attempted, setAttempted] = useState(false);
  const [created, setCreated] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const createdRef = useRef<HTMLDivElement>(null);
  const [keyFor] = useState(idempotencyKeys);

  const create = useMutation({
    mutationFn: (input: CreateOrganisationInput) => {
      const idempotencyKey = keyFor(input);
      return client.organisation.create.mutate(
        input,
        idempotencyKey ? { context: { idempotencyKey } } : undefined,
      );
    },
    onSuccess: async (organisation) => {
      setValues(EMPTY_ORGANISATION);
      setAttempted(false);
      setCreated(t('organisations.created', { name: organisation.name, space: spaceName }));
      await queryClient.invalidateQueries({ queryKey: trpc.organisation.find.pathKey() });
      focusSoon(() => createdRef.current);
    },
    onError: (error) => {
      const code = errorCode(error);
      setServerErrors({});
      if (code === 'BAD_REQUEST') {
        const { errors, other } = organisationIssues(errorIssues(error));
        setServerErrors(errors);
        setFormError(
          other.length > 0 || Object.keys(errors).length === 0
            ? [t('organisations.errors.rejected'), ...other]
            : [],
        );
      } else if (code === 'CONFLICT') setFormError([t('organisations.errors.conflict')]);
      else if (code === 'FORBIDDEN') setFormError([t('organisations.errors.forbidden')]);
      else setFormError([t('organisations.errors.failed')]);
      focusSoon(() => summaryRef.current);
    },
  });

  const message = (error: OrganisationError | undefined) =>
    error === undefined ? undefined : 'key' in error ? t(`organisations.errors.${error.key}`) : error.text;
  const errorFor = (field: OrganisationField) => message(clientErrors[field] ?? serverErrors[field]);

  function change(field: OrganisationField, value: string) {
    const next = { ...values, [field]: value };
    setValues(next);
    setCreated('');
    if (attempted) {
      const result = validateOrganisation(next, space, me.space);
      setClientErrors(result.ok ? {} : result.errors);
    }
    if (serverErrors[field]) {
      const { [field]: _fixed, ...rest } = serverErrors;
      setServerErrors(rest);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    setAttempted(true);
    setServerErrors({});
    setFormError([]);
    setCreated('');
    const result = validateOrganisation(values, space, me.space);
    if (!result.ok) {
      setClientErrors(result.errors);
      focusSoon(() => summaryRef.current);
      return;
    }
    setClientErrors({});
    create.mutate(result.input);
  }

  const optional = (label: string) => `${label} ${t('agreementForm.optional')}`;
  const text = (
    field: 'name' | 'kvkNumber' | 'agbCode' | 'iban',
    label: string,
    hint?: string,
    extra = {},
  ) => (
    <Field id={inputId(field)} label={label} hint={hint} error={errorFor(field)}>
      {(props) => (
        <Textbox
          {...props}
          {...extra}
          name={field}
          autoComplete="off"
          value={values[field]}
          onChange={(e) => change(field, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <Section id="create-organisation" title={t('organisations.createTitle')}>
      <Paragraph>{t('organisations.createIntro', { space: spaceName })}</Paragraph>
      <div ref={createdRef} tabIndex={-1} aria-live="polite" className="regie-outcome">
        {created ? <Alert type="ok">{created}</Alert> : null}
      </div>
      <ErrorSummary
        title={t('agreementForm.summaryTitle')}
        general={formError}
        fields={ORGANISATION_FIELDS.flatMap((field) => {
          const text = errorFor(field);
          return text ? [{ id: inputId(field), text }] : [];
        })}
        summaryRef={summaryRef}
      />
      <form className="regie-form" noValidate onSubmit={submit}>
        <Field id={inputId('kind')} label={t('organisations.kind')} error={errorFor('kind')}>
          {(props) => (
            <Select
              {...props}
              name="kind"
              required
              value={values.kind}
              onChange={(e) => change('kind', e.target.value)}
            >
              <SelectOption value="">{t('agreementForm.choose')}</SelectOption>
              {ORGANISATION_KINDS.map((kind) => (
                <SelectOption key={kind} value={kind}>
                  {organisationKindLabel(t, kind)}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        {text('name', t('organisations.name'))}
        {text('kvkNumber', t('organisations.kvk'), t('organisations.kvkHint'), {
          inputMode: 'numeric',
          className: 'regie-input--code',
        })}
        {text('agbCode', optional(t('organisations.agb')), t('organisations.agbHint'), {
          inputMode: 'numeric',
          className: 'regie-input--code',
        })}
        {text('iban', optional(t('organisations.iban')), t('organisations.ibanHint'), {
          className: 'regie-input--iban',
        })}
        <div role="status" aria-live="polite" className="regie-status">
          {create.isPending ? t('agreementForm.saving') : null}
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={create.isPending}>
            {t('organisations.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </Section>
  );
}

/** `/organisations`: the providers and joint bodies registered in one's own register or a region's. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('organisations.title'));
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [params, setParams] = useSearchParams();
  const me = useQuery(trpc.me.get.queryOptions());
  const requested = params.get('space');
  const registers = (me.data?.reach ?? []).filter((r) => r.kind !== 'provider');
  const space =
    requested && SPACE_PATTERN.test(requested) && registers.some((r) => r.space === requested)
      ? requested
      : me.data?.space;
  const spaceName = registers.find((r) => r.space === space)?.name ?? space ?? '';
  const provider = isProviderUser(me.data);
  const input = { ...(space ? { space } : {}), limit: PAGE_SIZE };

  const list = useInfiniteQuery({
    queryKey: trpc.organisation.find.infiniteQueryKey(input),
    queryFn: ({ pageParam, signal }) =>
      client.organisation.find.query(pageParam ? { ...input, cursor: pageParam } : input, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: space !== undefined && !provider,
  });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const canCreate = me.data?.roles.some((role) => ORGANISATION_ROLES.includes(role)) ?? false;

  let status = '';
  if (list.isLoading) status = t('organisations.loading');
  else if (list.isFetchingNextPage) status = t('organisations.loadingMore');
  else if (list.isSuccess && !list.isPlaceholderData)
    status = t('organisations.shown', { count: rows.length });

  if (provider) {
    return (
      <div>
        <PageHeading>{t('organisations.title')}</PageHeading>
        <Paragraph>{t('organisations.notForProviders')}</Paragraph>
      </div>
    );
  }

  return (
    <div className="regie-organisations">
      <PageHeading>{t('organisations.title')}</PageHeading>
      <Paragraph>{t('organisations.intro')}</Paragraph>

      {registers.length > 1 ? (
        <div className="regie-filters">
          <FormField
            className="regie-filters__field"
            label={<FormLabel htmlFor="organisations-space">{t('fields.space')}</FormLabel>}
            input={
              <Select
                id="organisations-space"
                value={space ?? ''}
                onChange={(e) =>
                  setParams(e.target.value === me.data?.space ? {} : { space: e.target.value }, {
                    replace: true,
                  })
                }
              >
                {registers.map((r) => (
                  <SelectOption key={r.space} value={r.space}>
                    {r.name}
                  </SelectOption>
                ))}
              </Select>
            }
          />
        </div>
      ) : null}

      <Section id="organisations-list" title={t('organisations.listTitle', { space: spaceName })}>
        <div role="status" aria-live="polite" className="regie-status">
          {status}
        </div>
        {list.isError ? (
          <Alert type="error">
            <Paragraph>{t('organisations.error')}</Paragraph>
            <Button appearance="secondary-action-button" onClick={() => void list.refetch()}>
              {t('app.retry')}
            </Button>
          </Alert>
        ) : null}
        {list.isSuccess && rows.length === 0 && !list.hasNextPage ? (
          <Paragraph className="regie-empty">{t('organisations.none')}</Paragraph>
        ) : null}
        {rows.length > 0 ? <OrganisationsTable rows={rows} busy={list.isPlaceholderData} /> : null}
        {list.hasNextPage ? (
          <div className="regie-load-more">
            <Button
              appearance="secondary-action-button"
              busy={list.isFetchingNextPage}
              disabled={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {t('register.loadMore')}
            </Button>
          </div>
        ) : null}
      </Section>

      {me.data && space && canCreate ? (
        <CreateOrganisationForm key={space} space={space} spaceName={spaceName} me={me.data} />
      ) : null}
    </div>
  );
}
