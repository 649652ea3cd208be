import { useQuery } from '@tanstack/react-query';
import {
  Button,
  FormField,
  FormLabel,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOMAINS, isProviderUser, KINDS, type Me, STATUSES } from '../../lib/agreements/model';
import { useTRPC } from '../../lib/trpc';
import { type FilterName, type RegisterFilters, SEARCH_MAX } from './filters';

/**
 * The register's filters, kept in the address (see ./filters): the search words, the register of another space,
 * party, kind, status, domain, end date and sort. A plain form (no form library): it sits in the first bundle.
 */

function FilterSelect({
  name,
  label,
  value,
  options,
  onChange,
  emptyLabel,
}: {
  name: FilterName;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (name: FilterName, value: string) => void;
  /** The option for "no filter"; the register of one's own organisation for `space`; the default sort. */
  emptyLabel: string;
}) {
  const id = `filter-${name}`;
  return (
    <FormField
      className="regie-filters__field"
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      input={
        <Select
          id={id}
          name={name}
          value={value ?? ''}
          onChange={(event) => onChange(name, event.target.value)}
        >
          <SelectOption value="">{emptyLabel}</SelectOption>
          {options.map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
        </Select>
      }
    />
  );
}

/** The search words, sent on submit (a request per keystroke would be wasteful and noisy for screen readers). */
function SearchForm({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  // The address changed (back button, "Filters wissen"): the box follows it.
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch(text.trim().slice(0, SEARCH_MAX));
  }
  return (
    <form className="regie-search" onSubmit={submit}>
      <FormField
        className="regie-filters__field regie-search__field"
        label={<FormLabel htmlFor="filter-q">{t('register.searchLabel')}</FormLabel>}
        input={
          <Textbox
            id="filter-q"
            name="q"
            type="search"
            autoComplete="off"
            maxLength={SEARCH_MAX}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        }
      />
      <Button type="submit" appearance="secondary-action-button">
        {t('register.searchSubmit')}
      </Button>
    </form>
  );
}

export function RegisterFilterBar({
  filters,
  filtered,
  me,
  setFilter,
  clear,
}: {
  filters: RegisterFilters;
  /** Whether any filter but the space is set (then "Filters wissen" is offered). */
  filtered: boolean;
  me: Me | undefined;
  setFilter: (name: FilterName, value: string) => void;
  clear: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const provider = isProviderUser(me);
  // Parties to filter on: the organisations registered in the register shown (municipal users only).
  const partySpace = filters.space ?? me?.space;
  const organisations = useQuery({
    ...trpc.organisation.find.queryOptions({ ...(partySpace ? { space: partySpace } : {}), limit: 100 }),
    enabled: me !== undefined && !provider,
  });
  return (
    <search className="regie-filters" aria-labelledby="register-filters-heading">
      <h2 id="register-filters-heading" className="regie-visually-hidden">
        {t('register.filters')}
      </h2>
      <SearchForm value={filters.q ?? ''} onSearch={(q) => setFilter('q', q)} />
      <div className="regie-filters__row">
        {me && me.reach.length > 1 ? (
          <FilterSelect
            name="space"
            label={t('fields.space')}
            value={filters.space}
            emptyLabel={me.organisation.name}
            options={me.reach
              .filter((reach) => reach.space !== me.space)
              .map((reach) => ({ value: reach.space, label: reach.name }))}
            onChange={setFilter}
          />
        ) : null}
        {me && !provider ? (
          <FilterSelect
            name="party"
            label={t('fields.party')}
            value={filters.party}
            emptyLabel={t('register.allParties')}
            options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            onChange={setFilter}
          />
        ) : null}
        <FilterSelect
          name="kind"
          label={t('fields.kind')}
          value={filters.kind}
          emptyLabel={t('register.all')}
          options={KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          onChange={setFilter}
        />
        <FilterSelect
          name="status"
          label={t('fields.status')}
          value={filters.status}
          emptyLabel={t('register.all')}
          options={STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          onChange={setFilter}
        />
        <FilterSelect
          name="domain"
          label={t('fields.domain')}
          value={filters.domain}
          emptyLabel={t('register.all')}
          options={DOMAINS.map((domain) => ({ value: domain, label: t(`domains.${domain}`) }))}
          onChange={setFilter}
        />
        <FormField
          className="regie-filters__field"
          label={<FormLabel htmlFor="filter-endsBefore">{t('fields.endsBefore')}</FormLabel>}
          input={
            <Textbox
              id="filter-endsBefore"
              name="endsBefore"
              type="date"
              value={filters.endsBefore ?? ''}
              onChange={(event) => setFilter('endsBefore', event.target.value)}
            />
          }
        />
        <FilterSelect
          name="sort"
          label={t('fields.sort')}
          value={filters.sort === 'endDate' ? 'endDate' : undefined}
          emptyLabel={t('register.sortNewest')}
          options={[{ value: 'endDate', label: t('register.sortEndDate') }]}
          onChange={setFilter}
        />
        {filtered ? (
          <Button appearance="subtle-button" className="regie-filters__clear" onClick={clear}>
            {t('register.clearFilters')}
          </Button>
        ) : null}
      </div>
    </search>
  );
}
