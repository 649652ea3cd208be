import type { RouterCalls } from './types.ts';

/** The matrices' calls for the `tenant` router's procedures (test/support/matrix.ts). */
export const tenant = {
  // Tenant settings name no space: they always act on the caller's own (nothing foreign can be aimed at).
  'tenant.settings': () => [{ type: 'query', input: undefined }],
  'tenant.updateSettings': () => [],
  'tenant.history': () => [{ type: 'query', input: undefined }],
} satisfies RouterCalls<'tenant'>;
