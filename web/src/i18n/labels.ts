import { DOMAINS_NL, KINDS_NL, STATUSES_NL } from '@regie/core/browser';

/** Labels of the closed lists: roles, organisation kinds, agreement kinds, statuses and domains. */
export const nlLabels = {
  roles: {
    inkoper: 'inkoper',
    contractmanager: 'contractmanager',
    approver: 'budgethouder',
    viewer: 'raadpleger',
    admin: 'beheerder',
    coordinator: 'regiocoördinator',
    provider_signer: 'ondertekenaar',
    provider_reporter: 'rapporteur',
    provider_admin: 'beheerder',
  },
  organisationKinds: {
    municipality: 'gemeente',
    region: 'regio',
    provider: 'aanbieder',
    joint_body: 'verbonden partij',
  },
  kinds: KINDS_NL,
  statuses: STATUSES_NL,
  domains: DOMAINS_NL,
};
