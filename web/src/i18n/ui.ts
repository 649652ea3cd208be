/** Texts of the UI kit (web/src/ui): defaults a feature may override. */
export const nlUi = {
  confirm: 'Bevestigen',
  cancel: 'Annuleren',
  removeRow: 'Verwijderen',
};

export const enUi: typeof nlUi = {
  confirm: 'Confirm',
  cancel: 'Cancel',
  removeRow: 'Remove',
};
