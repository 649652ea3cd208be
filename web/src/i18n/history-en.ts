import type { nlHistory } from './history';

/**
 * English texts of an agreement's history: the versions of its terms and the audit trail. Loaded with the
 * English language (english.ts), not in the first load.
 */
export const enHistory: typeof nlHistory = {
  versions: {
    loading: 'Loading versions…',
    error: 'The versions could not be loaded.',
    intro_one: 'There is {{count}} version of the terms. The agreement is at version {{version}}.',
    intro_other:
      'There are {{count}} versions of the terms. The agreement is at version {{version}}; status changes are in the audit trail.',
    summary: 'Version {{version}} · {{at}} · {{by}}',
    first: 'First version: the agreement was created.',
    noChanges: 'No changes to the terms.',
    caption: 'Changes in version {{version}} compared with version {{previous}}',
    field: 'Field',
    old: 'Old',
    new: 'New',
    lineField: 'Product line {{code}}: {{field}}',
    lineAdded: 'Product line {{code}} added',
    lineRemoved: 'Product line {{code}} removed',
  },
  audit: {
    intro:
      'Every change is an event with a hash over the previous one: whoever alters or removes something breaks the chain.',
    loading: 'Loading the audit trail…',
    error: 'The audit trail could not be loaded.',
    caption: 'Events in the audit trail',
    seq: '#',
    seqLong: 'Sequence number',
    at: 'Time',
    actor: 'Actor',
    action: 'Action',
    changed: 'Changed fields',
    hash: 'Hash',
    showHash: 'show the full hash',
    fullHash: 'Hash',
    prevHash: 'Previous hash',
    created_one: 'created ({{count}} field)',
    created_other: 'created ({{count}} fields)',
    fromTo: '{{from}} → {{to}}',
    reportField: 'Report {{period}}',
    realisationField: 'Realisation {{month}}',
    verify: 'Verify the audit trail',
    verifying: 'Verifying…',
    verifyFailed: 'The verification could not be run. Please try again.',
    intact_one: 'Chain intact ({{count}} event)',
    intact_other: 'Chain intact ({{count}} events)',
    broken: 'Chain broken at event {{seq}}',
    reasons: {
      missing: 'An event is missing.',
      prevHash: 'The previous hash does not match.',
      altered: 'The event’s content was altered.',
      short: 'The chain is shorter than recorded on the agreement.',
      anchorCut: 'The chain was cut: an anchored event is missing.',
      anchorRewritten: 'The chain was rewritten: an event differs from its signed anchor.',
      anchorSignature: 'The anchor carries no valid signature.',
      stateDiffers:
        'The stored agreement differs from what the chain records: it was changed outside the chain.',
    },
    anchor: {
      notAnchored: 'Not yet anchored: the daily anchoring has not signed this chain yet.',
      noKey:
        'Anchored up to event {{seq}}, but the signature could not be checked: no public key is configured.',
      badSignature: 'Anchor invalid: the anchor’s signature does not match.',
      cut: 'Anchor: event {{seq}} was anchored on {{date}} but is missing now.',
      rewritten: 'Anchor: event {{seq}} differs from the anchor of {{date}}.',
      anchored_one:
        'Anchored up to event {{seq}} on {{date}}; {{count}} later event will be signed by the next daily anchoring.',
      anchored_other:
        'Anchored up to event {{seq}} on {{date}}; {{count}} later events will be signed by the next daily anchoring.',
      current: 'Anchored up to the last event ({{seq}}) on {{date}}.',
    },
    state: {
      matches: 'The stored agreement matches the chain.',
      differs: 'The stored agreement differs from the chain.',
      unrecorded: 'The last event does not record the agreement’s state; not compared.',
    },
  },
  auditActions: {
    create: 'Created',
    update: 'Changed',
    transition: 'Status changed',
    renew: 'Renewed',
    steering: 'Steering changed',
    report: 'Report delivered',
    realisation: 'Realisation recorded',
    import: 'Imported',
  },
};
