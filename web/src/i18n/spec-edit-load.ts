import i18n from './index';
import { enSpecEdit, nlSpecEdit } from './spec-edit';

// The data specification editor's texts join the resources when the agreement form's chunk loads (DutiesFields).
i18n.addResourceBundle('nl', 'translation', { specEdit: nlSpecEdit }, true, true);
i18n.addResourceBundle('en', 'translation', { specEdit: enSpecEdit }, true, true);
