/** The portfolio-holder conflicts across agreements (SPEC §4.2, issue 14): Dutch first; English with the same keys. */
export const nlConflicts = {
  title: 'Rolconflicten tussen overeenkomsten',
  intro:
    'Een portefeuillehouder die eigenaar is van een overeenkomst — vaak een gemeenschappelijke regeling, ook namens één deelnemende gemeente — en opdrachtgever van een andere overeenkomst, stuurt met twee petten op. Het scherpst is dat bij een dienstverleningsovereenkomst (DVO) die de regeling zelf uitvoert. Beleg deze rollen bij verschillende portefeuillehouders.',
  scope: 'Het overzicht omvat uw eigen overeenkomsten en die van de regio’s waarin uw gemeente deelneemt.',
  link: 'Alle rolconflicten tussen overeenkomsten',
  back: 'Terug naar Sturing',
  caption: 'Rolconflicten tussen overeenkomsten',
  holder: 'Portefeuillehouder',
  client: 'Opdrachtgever van',
  owner: 'Eigenaar van',
  kind: 'Soort conflict',
  asRole: 'als {{role}}',
  delivers: 'De regeling voert deze DVO zelf uit',
  other: 'Andere overeenkomst',
  loading: 'Rolconflicten laden…',
  error: 'De rolconflicten konden niet worden geladen.',
  none: 'Geen rolconflicten tussen overeenkomsten gevonden.',
  count_one: '{{count}} rolconflict',
  count_other: '{{count}} rolconflicten',
  forProviders: 'Rolconflicten zijn intern voor de gemeente en niet zichtbaar voor aanbieders.',
  why: 'Waarom',
  reason_delivers:
    'Als eigenaar van de regeling stuurt de portefeuillehouder op haar belang, als opdrachtgever van de DVO die de regeling uitvoert op de prestatie: die belangen botsen ({{source}}).',
  reason_client_and_owner:
    'Dezelfde portefeuillehouder is opdrachtgever van de ene en eigenaar van de andere overeenkomst; opdrachtgever en eigenaar horen niet onder dezelfde portefeuillehouder te vallen ({{source}}).',
  onBehalfOf: 'namens {{name}}',
};

export const enConflicts: typeof nlConflicts = {
  title: 'Role conflicts across agreements',
  intro:
    'A portfolio holder who is owner of an agreement — often a joint arrangement, also on behalf of one participating municipality — and client of another agreement wears two hats. It is sharpest for a service agreement (DVO) that the arrangement itself delivers. Give these roles to different portfolio holders.',
  scope: 'The overview covers your own agreements and those of the regions your municipality takes part in.',
  link: 'All role conflicts across agreements',
  back: 'Back to Steering',
  caption: 'Role conflicts across agreements',
  holder: 'Portfolio holder',
  client: 'Client (opdrachtgever) of',
  owner: 'Owner (eigenaar) of',
  kind: 'Kind of conflict',
  asRole: 'as {{role}}',
  delivers: 'The arrangement delivers this DVO itself',
  other: 'Another agreement',
  loading: 'Loading role conflicts…',
  error: 'The role conflicts could not be loaded.',
  none: 'No role conflicts across agreements found.',
  count_one: '{{count}} role conflict',
  count_other: '{{count}} role conflicts',
  forProviders: 'Role conflicts are internal to the municipality and not visible to providers.',
  why: 'Why',
  reason_delivers:
    'As owner of the arrangement the portfolio holder steers on its interest, as client of the DVO the arrangement delivers on performance: those interests clash ({{source}}).',
  reason_client_and_owner:
    'The same portfolio holder is client of one agreement and owner of the other; client and owner should not fall under the same portfolio holder ({{source}}).',
  onBehalfOf: 'on behalf of {{name}}',
};
