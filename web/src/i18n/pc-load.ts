import i18n from './index';
import { enPc, nlPc } from './pc';

// The P&C content texts join the resources when a module that shows them loads (pc.ts).
i18n.addResourceBundle('nl', 'translation', { pc: nlPc }, true, true);
i18n.addResourceBundle('en', 'translation', { pc: enPc }, true, true);
