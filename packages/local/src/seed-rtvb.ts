import { createRepositories, type Db, type Scope } from '@regie/db';
import { SEED_SPACES, SEED_USERS } from './seed.ts';

function scopeOf(userKey: string): Scope {
  const u = SEED_USERS.find((s) => s.key === userKey)!;
  const space = SEED_SPACES.find((s) => s.space === u.space)!;
  return {
    space: u.space,
    reach: [u.space, ...(space.memberOf ?? [])],
    actor: u.key,
    actorName: u.name,
    organisation: u.space,
    roles: u.roles,
  };
}

/** The wethouder who is Ermelo's eigenaar on the GR and opdrachtgever of Ermelo's DVO: the seed's one conflict. */
export const SEED_CROSS_CONFLICT_HOLDER = 'Wethouder R. Jansen';

/**
 * RTVB in full (issue 14 point 4, SPEC §4.2): tasks, responsibilities and authorities on Ermelo's DVO, the GR's
 * roles per member municipality, and ONE portfolio-holder conflict across agreements — Wethouder R. Jansen is
 * opdrachtgever of ERM-DVO-2026-01 and Ermelo's eigenaar on RNV-GR-01. Each update reads the current steering
 * first and changes the roles only (another part of the seed sets the GR's relation decision).
 */
export async function seedRtvb(db: Db): Promise<void> {
  const steering = createRepositories(db, scopeOf('ermelo.inkoper')).steering;

  const dvo = await steering.get('erm-dvo-2026');
  await steering.update('erm-dvo-2026', dvo.version, {
    roles: {
      ...dvo.roles,
      opdrachtgever: {
        name: 'Team Schuldhulpverlening',
        portfolioHolder: SEED_CROSS_CONFLICT_HOLDER,
        tasks: [
          'Stelt de jaarlijkse opdracht en de prestatie-afspraken vast',
          'Beoordeelt de kwartaalrapportage',
        ],
        responsibilities: ['Bewaakt dat de dienstverlening binnen het plafond blijft'],
        authorities: [
          { what: 'Meerwerk binnen het plafond opdragen', maxAmountCents: 2_500_000 },
          { what: 'Een rapportagetermijn met ten hoogste vier weken verlengen' },
        ],
      },
      eigenaar: { name: 'College van B&W', portfolioHolder: 'Wethouder S. de Boer' },
      opdrachtnemer: {
        name: 'Stichting Wijkracht Noord-Veluwe',
        tasks: ['Voert de schuldhulpverlening uit volgens de DVO'],
        responsibilities: ['Levert elk kwartaal een rapportage over wachttijd en uitstroom'],
      },
      ambtelijkOpdrachtgever: {
        name: 'Regisseur schuldhulpverlening',
        tasks: ['Voert het periodieke overleg met de uitvoerder'],
        authorities: [{ what: 'Een escalatie op werkniveau afhandelen', maxAmountCents: 500_000 }],
      },
    },
  });

  // The GR's roles per participating municipality; Ermelo's eigenaar is the DVO's opdrachtgever's wethouder.
  const region = createRepositories(db, scopeOf('noordveluwe.coordinator')).steering;
  const gr = await region.get('rnv-gr-01');
  await region.update('rnv-gr-01', gr.version, {
    roles: {
      ...gr.roles,
      members: [
        {
          space: 'GM0233',
          opdrachtgever: {
            name: 'Ambtelijk opdrachtgever sociaal domein Ermelo',
            portfolioHolder: 'Wethouder J. Mulder',
            tasks: ['Brengt de opdracht van Ermelo in bij de regeling'],
          },
          eigenaar: {
            name: 'Lid algemeen bestuur namens Ermelo',
            portfolioHolder: SEED_CROSS_CONFLICT_HOLDER,
            responsibilities: ['Stemt in het algemeen bestuur over begroting en jaarrekening'],
            authorities: [{ what: 'Zienswijze op de ontwerpbegroting voorbereiden voor de raad' }],
          },
          bestuurlijkOpdrachtgever: { name: 'Wethouder J. Mulder' },
          ambtelijkOpdrachtgever: { name: 'Regisseur sociaal domein Ermelo' },
        },
        {
          space: 'GM0243',
          opdrachtgever: {
            name: 'Accounthouder sociaal domein Harderwijk',
            portfolioHolder: 'Wethouder E. Post',
          },
          eigenaar: {
            name: 'Lid algemeen bestuur namens Harderwijk',
            portfolioHolder: 'Wethouder K. Hendriks',
          },
        },
        {
          space: 'GM0050',
          opdrachtgever: {
            name: 'Accounthouder sociaal domein Zeewolde',
            portfolioHolder: 'Wethouder L. Smit',
          },
          eigenaar: {
            name: 'Lid algemeen bestuur namens Zeewolde',
            portfolioHolder: 'Wethouder P. de Vries',
          },
        },
      ],
    },
  });
}
