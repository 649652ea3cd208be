/** A youth-care contract's create input with the given reference: the plain agreement repository tests create. */
export const contractInput = (reference: string) => ({
  kind: 'contract' as const,
  reference,
  title: 'Jeugdhulp ambulant',
  domain: 'youth' as const,
  startDate: '2026-01-01',
  endDate: '2027-12-31',
});
