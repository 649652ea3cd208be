/** Texts of signing in through the organisation's account (Cognito's managed pages, code flow with PKCE). */
export const nlSignIn = {
  intro:
    'Log in met het account dat uw organisatie voor Regie heeft aangemaakt. U gaat daarvoor naar de beveiligde inlogpagina en komt daarna hier terug.',
  button: 'Inloggen',
  redirecting: 'U gaat naar de inlogpagina…',
  checking: 'Inloggen afronden…',
  failedTitle: 'Inloggen is niet gelukt',
  failed: 'De inlogpoging kon niet worden afgerond of is verlopen. Probeer het opnieuw.',
  again: 'Opnieuw inloggen',
  /** A form kept in the tab over an expired session (issue 17). */
  draft: {
    restored:
      'Wat u eerder in dit formulier had ingevuld maar nog niet had opgeslagen, staat weer klaar. Controleer het en sla het op.',
    discard: 'Ingevulde gegevens weggooien',
  },
  email: {
    title: 'Inloggen met e-mailadres',
    intro: 'Iemand die in de app is uitgenodigd, logt hier in met het e-mailadres van de uitnodiging.',
    label: 'E-mailadres',
    submit: 'Inloggen met e-mailadres',
    required: 'Vul een e-mailadres in, zoals carla@ermelo.nl.',
    failed: 'Met dit e-mailadres kan niet worden ingelogd: het is niet uitgenodigd of het is uitgeschakeld.',
  },
};

export const enSignIn: typeof nlSignIn = {
  intro:
    'Log in with the account your organisation created for Regie. You go to the secure sign-in page and come back here afterwards.',
  button: 'Log in',
  redirecting: 'Going to the sign-in page…',
  checking: 'Finishing signing in…',
  failedTitle: 'Signing in did not work',
  failed: 'The sign-in attempt could not be completed or has expired. Please try again.',
  again: 'Log in again',
  draft: {
    restored: 'What you had entered in this form but not yet saved is back. Check it and save it.',
    discard: 'Discard what was entered',
  },
  email: {
    title: 'Log in with an e-mail address',
    intro: 'Someone invited in the app logs in here with the e-mail address of the invitation.',
    label: 'E-mail address',
    submit: 'Log in with e-mail address',
    required: 'Enter an e-mail address, such as carla@ermelo.nl.',
    failed: 'This e-mail address cannot log in: it has not been invited or it has been disabled.',
  },
};
