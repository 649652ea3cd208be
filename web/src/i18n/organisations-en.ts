import type { nlOrganisations } from './organisations';

/**
 * English texts of the organisations page (providers and joint bodies) and its form. Loaded with the English
 * language (english.ts), not in the first load.
 */
export const enOrganisations: typeof nlOrganisations = {
  title: 'Organisations',
  intro:
    'Providers and joint bodies registered in a register. Only a registered organisation can be a party to an agreement of that register.',
  notForProviders: 'This part is for municipalities.',
  listTitle: 'Registered with {{space}}',
  caption: 'Registered organisations',
  loading: 'Loading organisations…',
  loadingMore: 'Loading more organisations…',
  shown_one: '{{count}} organisation shown.',
  shown_other: '{{count}} organisations shown.',
  error: 'The organisations could not be loaded.',
  none: 'No organisations have been registered yet.',
  name: 'Name',
  kind: 'Kind',
  kvk: 'KvK number',
  agb: 'AGB code',
  iban: 'IBAN',
  createdAt: 'Registered on',
  createTitle: 'Register an organisation',
  createIntro: 'The organisation is registered with {{space}}.',
  kvkHint: '8 digits, for example 81234567.',
  agbHint: '8 digits, starting with 41 (organisation) or 91 (care professional).',
  ibanHint: 'For example NL20 INGB 0001 2345 67.',
  submit: 'Register',
  created: '{{name}} has been registered with {{space}}.',
  errors: {
    kindRequired: 'Choose the kind of organisation.',
    nameRequired: 'Enter the name.',
    nameTooLong: 'A name is at most 200 characters long.',
    kvkInvalid: 'A KvK number has 8 digits',
    agbInvalid: 'An AGB code has 8 digits and starts with 41 (organisation) or 91 (care professional)',
    ibanInvalid: 'This IBAN is not valid (check digits)',
    conflict: 'This organisation already exists.',
    forbidden: 'You are not allowed to register organisations.',
    rejected: 'The server did not accept the input.',
    failed: 'Registering failed. Please try again.',
  },
};
