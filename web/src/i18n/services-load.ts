import i18n from './index';
import { enServices, nlServices } from './services';

// The catalogue's texts join the resources when a module that shows a catalogue loads (services.ts).
i18n.addResourceBundle('nl', 'translation', { services: nlServices }, true, true);
i18n.addResourceBundle('en', 'translation', { services: enServices }, true, true);
