/** Texts of the admin page: the organisation's mandate threshold. */
export const nlAdmin = {
  title: 'Beheer',
  intro: 'Instellingen van uw organisatie.',
  loading: 'Instellingen laden…',
  error: 'De instellingen konden niet worden geladen.',
  settingsTitle: 'Mandaatgrens',
  settingsIntro:
    'Binnen de mandaatgrens mag een contract direct ter ondertekening; daarboven moet een budgethouder (niet de opsteller) eerst goedkeuren.',
  threshold: 'Mandaatgrens in euro',
  thresholdHint: 'Leeg laten betekent: geen mandaatgrens.',
  none: 'geen',
  readOnly: 'Alleen een beheerder van uw organisatie kan de mandaatgrens wijzigen.',
  submit: 'Opslaan',
  saved: 'De mandaatgrens is opgeslagen: {{value}}.',
  forProviders: 'Beheer van instellingen is er voor gemeenten.',
  errorTitle: 'Er is iets niet goed',
  errors: {
    threshold: 'Vul een bedrag in euro in, zoals 100.000,00, of laat het veld leeg.',
    forbidden: 'U heeft geen rechten om de instellingen te wijzigen.',
    conflict:
      'Iemand anders heeft de instellingen intussen gewijzigd. Herlaad de pagina en probeer het opnieuw.',
    failed: 'Opslaan is mislukt. Probeer het opnieuw.',
  },
};
