import type { nlAdmin } from './admin';

/**
 * English texts of the admin page: the organisation's mandate threshold. Loaded with the English language
 * (english.ts), not in the first load.
 */
export const enAdmin: typeof nlAdmin = {
  title: 'Administration',
  intro: 'Settings of your organisation.',
  loading: 'Loading settings…',
  error: 'The settings could not be loaded.',
  settingsTitle: 'Mandate threshold',
  settingsIntro:
    'Within the mandate threshold a contract may go straight to signature; above it an approver (not the drafter) must approve first.',
  threshold: 'Mandate threshold in euros',
  thresholdHint: 'Leave empty for no mandate threshold.',
  none: 'none',
  readOnly: 'Only an administrator of your organisation can change the mandate threshold.',
  submit: 'Save',
  saved: 'The mandate threshold was saved: {{value}}.',
  forProviders: 'Settings are managed by municipalities.',
  errorTitle: 'Something is not right',
  errors: {
    threshold: 'Enter an amount in euros, such as 100,000.00, or leave the field empty.',
    forbidden: 'You may not change the settings.',
    conflict: 'Someone else changed the settings meanwhile. Reload the page and try again.',
    failed: 'Saving failed. Try again.',
  },
};
