import type { nlAgreementDetail } from './agreement-detail';

/**
 * English texts of an agreement's page: its sections, its status moves and sharing it with the parties.
 * Loaded with the English language (english.ts), not in the first load.
 */
export const enAgreementDetail: typeof nlAgreementDetail = {
  agreementDetail: {
    loading: 'Loading agreement…',
    notFound: 'This agreement does not exist, or you have no access to it.',
    error: 'The agreement could not be loaded.',
    saved: 'The agreement has been saved.',
    amended:
      'The change has been saved. Because approval had been asked, the agreement was returned to draft: an approval lapsed and a document out for signature was voided, with its signatures. Ask for approval again or send the agreement for signature again.',
    back: 'Back to the agreement register',
    empty: 'not filled in',
    none: '—',
    edit: 'Change',
    noCallOffs: 'No call-off agreements under this framework yet.',
    sections: {
      terms: 'Details',
      parties: 'Parties',
      callOffs: 'Call-off agreements',
      lines: 'Product lines',
      allocation: 'Allocation',
      duties: 'Information duties',
      budget: 'Budget and volume',
      status: 'Status',
      versions: 'Versions',
      audit: 'Audit trail',
    },
    months_one: '{{count}} month',
    months_other: '{{count}} months',
    renewalValue: '{{used}} of {{options}} used ({{each}} each)',
    noRenewal: 'none',
    partyViewNote: 'You see the details meant for your organisation as a party.',
    noParties: 'No parties have been recorded.',
    partiesCaption: 'Parties to this agreement',
    partyName: 'Name',
    partyRole: 'Role',
    partyKvk: 'KvK number',
    noLines: 'There are no product lines.',
    linesCaption: 'Product lines of this agreement',
    population: 'Population: {{population}}',
  },
  status: {
    current: 'Current status:',
    noteLabel: 'Note',
    noteHint: 'Recorded with the status change in the audit trail.',
    noteTooLong: 'A note is at most 1000 characters long.',
    noMoves: 'You cannot change the status of this agreement now.',
    moved: 'The status has been changed to: {{status}}.',
    moveFailed: 'The status could not be changed.',
    forbidden: 'You are not allowed to do this.',
    renew: 'Renew',
    renewHint: '{{left}} renewal option(s) left; renewing moves the end date by {{each}}.',
    renewed: 'The agreement has been renewed until {{date}}.',
    renewFailed: 'Renewing failed.',
    reloaded: 'The latest version has been loaded.',
  },
  share: {
    internalHint:
      'This draft is internal: the provider sees it only once it goes out for signature, or if you share it now to negotiate.',
    sharedHint: 'The provider sees this draft. Withdraw the share to make it internal again.',
    share: 'Share with provider',
    withdraw: 'Withdraw share',
    shared: 'The draft is shared with the provider.',
    withdrawn: 'The share is withdrawn; the provider no longer sees the draft.',
    failed: 'The share could not be changed.',
  },
};
