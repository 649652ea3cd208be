import { enIncentives, nlIncentives } from './incentives';
import i18n from './index';

/*
 * The texts of result-linked payment, added when the agreement page's chunk loads (import this module for its
 * effect) rather than bundled in the first load: the web's initial JavaScript has a budget
 * (test/integration/web-initial-js…). Their keys are typed through `CustomTypeOptions` in index.ts.
 */
i18n.addResourceBundle('nl', 'translation', { incentives: nlIncentives }, true, true);
i18n.addResourceBundle('en', 'translation', { incentives: enIncentives }, true, true);
