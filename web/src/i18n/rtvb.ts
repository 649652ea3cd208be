/** RTVB in full on the roles form (SPEC §4.2, issue 14): Dutch first; English with the same keys. */
export const nlRtvb = {
  tasks: 'Taken',
  responsibilities: 'Verantwoordelijkheden',
  authorities: 'Bevoegdheden',
  listHint: 'Hoogstens 10 regels van elk hoogstens 300 tekens.',
  task: 'Taak {{n}}',
  responsibility: 'Verantwoordelijkheid {{n}}',
  authority: 'Bevoegdheid {{n}}',
  addTask: 'Taak toevoegen',
  addResponsibility: 'Verantwoordelijkheid toevoegen',
  addAuthority: 'Bevoegdheid toevoegen',
  what: 'Mag besluiten over',
  amount: 'Tot een bedrag in euro’s',
  amountHint: 'Bijvoorbeeld 25.000 of 1.234,56. Laat leeg als er geen bedrag bij hoort.',
  removed: '{{row}} is verwijderd.',
  none: 'Nog niets vastgelegd.',
  upTo: 'tot {{amount}}',
  membersLegend: 'Rollen per deelnemende gemeente',
  membersHint:
    'Elke gemeente in de regeling heeft haar eigen opdrachtgever, eigenaar en bestuurlijk en ambtelijk opdrachtgever. Laat een gemeente leeg als haar rollen nog niet bekend zijn.',
  memberConflict:
    '{{member}}: opdrachtgever en eigenaar vallen onder dezelfde portefeuillehouder ({{holder}}). Beleg deze rollen bij verschillende portefeuillehouders.',
  errors: {
    lineRequired: 'Vul de tekst in of verwijder de regel.',
    lineTooLong: 'Een regel is maximaal 300 tekens lang.',
    listTooLong: 'Vul hoogstens 10 regels in.',
    authorityRequired: 'Vul in waarover deze rol mag besluiten, of verwijder de bevoegdheid.',
    amountInvalid: 'Vul een bedrag in euro’s in, bijvoorbeeld 25.000 of 1.234,56.',
    notMember: 'Deze gemeente neemt niet deel aan de regeling.',
  },
};

export const enRtvb: typeof nlRtvb = {
  tasks: 'Tasks',
  responsibilities: 'Responsibilities',
  authorities: 'Authorities',
  listHint: 'At most 10 lines of at most 300 characters each.',
  task: 'Task {{n}}',
  responsibility: 'Responsibility {{n}}',
  authority: 'Authority {{n}}',
  addTask: 'Add task',
  addResponsibility: 'Add responsibility',
  addAuthority: 'Add authority',
  what: 'May decide on',
  amount: 'Up to an amount in euros',
  amountHint: 'For example 25,000 or 1,234.56. Leave empty when no amount applies.',
  removed: '{{row}} has been removed.',
  none: 'Nothing recorded yet.',
  upTo: 'up to {{amount}}',
  membersLegend: 'Roles per participating municipality',
  membersHint:
    'Each municipality in the arrangement has its own client, owner and administrative and official client. Leave a municipality empty while its roles are not known.',
  memberConflict:
    '{{member}}: client and owner fall under the same portfolio holder ({{holder}}). Give these roles to different portfolio holders.',
  errors: {
    lineRequired: 'Fill in the text or remove the line.',
    lineTooLong: 'A line is at most 300 characters long.',
    listTooLong: 'Fill in at most 10 lines.',
    authorityRequired: 'Fill in what this role may decide on, or remove the authority.',
    amountInvalid: 'Fill in an amount in euros, for example 25,000 or 1,234.56.',
    notMember: 'This municipality does not take part in the arrangement.',
  },
};
