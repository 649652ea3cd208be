import i18n from './index';
import { enUsage, nlUsage } from './usage';

// The settlement's texts join the resources when the section that shows them loads (usage.ts).
i18n.addResourceBundle('nl', 'translation', { usage: nlUsage }, true, true);
i18n.addResourceBundle('en', 'translation', { usage: enUsage }, true, true);
