import type { nlLabels } from './labels';

/**
 * English labels of the closed lists: roles, organisation kinds, agreement kinds, statuses and domains.
 * Loaded with the English language (english.ts), not in the first load.
 */
export const enLabels: typeof nlLabels = {
  roles: {
    inkoper: 'purchaser',
    contractmanager: 'contract manager',
    approver: 'budget holder',
    viewer: 'viewer',
    admin: 'administrator',
    coordinator: 'regional coordinator',
    provider_signer: 'signer',
    provider_reporter: 'reporter',
    provider_admin: 'administrator',
  },
  organisationKinds: {
    municipality: 'municipality',
    region: 'region',
    provider: 'provider',
    joint_body: 'joint body',
  },
  kinds: {
    contract: 'Purchase contract',
    subsidy: 'Subsidy',
    joint_arrangement: 'Joint arrangement (GR)',
    service_agreement: 'Service agreement (DVO)',
  },
  statuses: {
    draft: 'draft',
    in_approval: 'in approval',
    approved: 'approved',
    out_for_signature: 'out for signature',
    active: 'active',
    terminated: 'terminated',
    expired: 'expired',
    requested: 'requested',
    granted: 'granted',
    settlement_requested: 'settlement requested',
    settled: 'settled',
    refused: 'refused',
    withdrawn: 'withdrawn',
  },
  domains: {
    youth: 'Youth',
    wmo: 'Wmo (social support)',
    participation: 'Participation',
    ict: 'ICT',
    other: 'Other',
  },
};
