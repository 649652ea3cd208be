/** Texts for agreements with several provider parties (SPEC §2 rule 6): each party its own. */
export const nlParties = {
  field: 'Aanbieder',
  hint: 'Deze overeenkomst heeft meer aanbieders: kies voor welke u dit vastlegt.',
  choose: 'Kies een aanbieder',
  required: 'Kies de aanbieder.',
  column: 'Aanbieder',
  about: 'Over aanbieder',
  score: 'Score {{party}}',
};

export const enParties: typeof nlParties = {
  field: 'Provider',
  hint: 'This agreement has several providers: choose the one you record this for.',
  choose: 'Choose a provider',
  required: 'Choose the provider.',
  column: 'Provider',
  about: 'About provider',
  score: 'Score {{party}}',
};
