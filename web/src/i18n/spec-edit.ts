/**
 * The agreement form's editor of a periodic duty's data specification and a KPI's source (issue 15 point 3). Added
 * when the form's chunk loads (`spec-edit-load.ts`), not in the first load. Type names come from `deliveries.types`.
 */
export const nlSpecEdit = {
  legend: 'Gegevensspecificatie',
  hint: 'De cijfers die de aanbieder bij elke rapportage levert. Een KPI kan zijn waarden uit een veld halen.',
  fieldLegend: 'Gegevensveld {{n}}',
  label: 'Naam',
  key: 'Code (niet verplicht)',
  keyHint:
    'Kleine letters, cijfers en _; leeg: afgeleid van de naam. Wijzig de code niet na de eerste levering.',
  unit: 'Eenheid (niet verplicht)',
  type: 'Soort',
  required: 'Verplicht te leveren',
  add: 'Gegevensveld toevoegen',
  removed: 'Gegevensveld {{n}} is verwijderd.',
  source: 'Bron',
  sourceManual: 'Handmatig ingevoerd',
  sourceOption: '{{duty}} – {{field}}',
  sourceHint: 'Alleen velden van opgeslagen periodieke plichten met dezelfde frequentie.',
  errors: {
    tooManySpecFields: 'Hoogstens 30 gegevensvelden.',
    specKeyInvalid:
      'Een code begint met een kleine letter, daarna kleine letters, cijfers of _ (hoogstens 40).',
    specKeyDuplicate: 'Deze code staat er al; elke code één keer.',
    specLabelRequired: 'Vul de naam van het veld in.',
    specLabelTooLong: 'Hoogstens 80 tekens.',
    specUnitTooLong: 'Hoogstens 30 tekens.',
    specTypeRequired: 'Kies de soort.',
    kpiSourceInvalid: 'Kies een veld van een periodieke plicht met dezelfde frequentie als de KPI.',
  },
};

export const enSpecEdit: typeof nlSpecEdit = {
  legend: 'Data specification',
  hint: 'The figures the provider delivers with each report. A KPI can take its values from a field.',
  fieldLegend: 'Data field {{n}}',
  label: 'Name',
  key: 'Code (optional)',
  keyHint:
    'Lower-case letters, digits and _; empty: derived from the name. Do not change it after the first delivery.',
  unit: 'Unit (optional)',
  type: 'Type',
  required: 'Required',
  add: 'Add data field',
  removed: 'Data field {{n}} was removed.',
  source: 'Source',
  sourceManual: 'Entered by hand',
  sourceOption: '{{duty}} – {{field}}',
  sourceHint: 'Only fields of saved periodic duties with the same frequency.',
  errors: {
    tooManySpecFields: 'At most 30 data fields.',
    specKeyInvalid:
      'A code starts with a lower-case letter, then lower-case letters, digits or _ (at most 40).',
    specKeyDuplicate: 'This code is already there; each code once.',
    specLabelRequired: 'Enter the field’s name.',
    specLabelTooLong: 'At most 80 characters.',
    specUnitTooLong: 'At most 30 characters.',
    specTypeRequired: 'Choose the type.',
    kpiSourceInvalid: 'Choose a field of a periodic duty with the same frequency as the KPI.',
  },
};

export type SpecErrorKey = keyof typeof nlSpecEdit.errors;
export const isSpecErrorKey = (key: string): key is SpecErrorKey => key in nlSpecEdit.errors;
