import type { ParamValue, Reason } from '@regie/core/browser';

/**
 * The text of every reason key of the API's refusals (packages/core/src/errors.ts `REASONS`), in Dutch and English.
 * `{{name}}` is a parameter, already formatted for the language (money, dates, statuses: see `reasonText`). A text
 * may be a function when the wording depends on a parameter. reasons.test.ts fails on a key without text here.
 */
type Params = Record<string, string>;
export type ReasonTexts = Record<Reason, string | ((p: Params) => string)>;

const nlSize = (p: Params, bound: string, limit: string) => {
  if (p.origin === 'string') return `${bound} ${limit} tekens.`;
  if (p.origin === 'array' || p.origin === 'set') return `${bound} ${limit} items.`;
  return `${bound} ${limit}.`;
};
const enSize = (p: Params, bound: string, limit: string) => {
  if (p.origin === 'string') return `${bound} ${limit} characters.`;
  if (p.origin === 'array' || p.origin === 'set') return `${bound} ${limit} items.`;
  return `${bound} ${limit}.`;
};

const CHANGED_NL = 'Laad de nieuwste versie en probeer het opnieuw.';
const CHANGED_EN = 'Load the latest version and try again.';

export const nlReasons: ReasonTexts = {
  'request.invalid': 'De invoer is niet geldig. Controleer de gemarkeerde velden.',
  'request.unauthorized': 'U bent niet (meer) ingelogd. Log opnieuw in.',
  'request.forbidden': 'U heeft geen rechten voor deze handeling.',
  'request.notFound': 'Dit bestaat niet, of u heeft er geen toegang toe.',
  'request.conflict': `Iemand anders heeft dit intussen gewijzigd. ${CHANGED_NL}`,
  'request.tooManyRequests': 'Er komen te veel verzoeken tegelijk binnen. Probeer het zo opnieuw.',
  'request.tenantBudget':
    'Uw organisatie stuurt op dit moment meer verzoeken dan haar deel. Probeer het over een paar seconden opnieuw.',
  'request.failed': 'Dat is niet gelukt. Probeer het opnieuw.',
  'server.internal': 'Er ging iets mis op de server. Probeer het later opnieuw.',
  'server.unavailable': 'De dienst is tijdelijk niet beschikbaar. Probeer het zo opnieuw.',
  'database.unavailable': 'De gegevens zijn tijdelijk niet bereikbaar. Probeer het zo opnieuw.',
  'cursor.invalid': 'De lijst kon niet verder worden geladen. Begin opnieuw bij de eerste pagina.',
  'idempotency.keyInvalid': 'Het verzoek had een ongeldige herhaalsleutel. Laad de pagina opnieuw.',
  'idempotency.keyReused': 'Dit verzoek is al eerder met andere gegevens verstuurd. Laad de pagina opnieuw.',
  'idempotency.inProgress': 'Dit verzoek wordt nog verwerkt. Wacht even en kijk dan of het gelukt is.',
  'idempotency.doneNotStored':
    'Dit verzoek is al uitgevoerd. Laad de pagina opnieuw om het resultaat te zien.',
  'validation.invalid_type': 'Vul een geldige waarde in.',
  'validation.too_big': (p) => nlSize(p, 'Maximaal', p.maximum ?? ''),
  'validation.too_small': (p) =>
    p.origin === 'string' && p.minimum === '1' ? 'Vul dit veld in.' : nlSize(p, 'Minimaal', p.minimum ?? ''),
  'validation.invalid_format': 'De opmaak is niet juist.',
  'validation.not_multiple_of': 'Moet een veelvoud zijn van {{divisor}}.',
  'validation.unrecognized_keys': 'Onbekende velden: {{keys}}.',
  'validation.invalid_union': 'Vul een geldige waarde in.',
  'validation.invalid_key': 'Vul een geldige waarde in.',
  'validation.invalid_element': 'Vul een geldige waarde in.',
  'validation.invalid_value': 'Kies een van: {{values}}.',
  'validation.custom': 'Deze waarde is niet geldig.',
  'object.notFound': 'Dit bestaat niet, of u heeft er geen toegang toe.',
  'agreement.notFound': 'Deze overeenkomst bestaat niet, of u heeft er geen toegang toe.',
  'document.notFound': 'Dit document bestaat niet, of u heeft er geen toegang toe.',
  'space.notFound': 'Dit register bestaat niet, of u heeft er geen toegang toe.',
  'regulation.notFound': 'Deze subsidieregeling bestaat niet, of u heeft er geen toegang toe.',
  'party.notFound': 'Deze partij bestaat niet, of u heeft er geen toegang toe.',
  'realisation.notFound': 'Deze realisatie bestaat niet, of u heeft er geen toegang toe.',
  'calendar.notFound': 'Deze P&C-kalender bestaat nog niet.',
  'meeting.notFound': 'Dit gesprek bestaat niet, of u heeft er geen toegang toe.',
  'escalation.notFound': 'Deze escalatie bestaat niet, of u heeft er geen toegang toe.',
  'signal.notFound': 'Dit signaal bestaat niet, of u heeft er geen toegang toe.',
  'agreement.endBeforeStart': 'De einddatum mag niet vóór de startdatum liggen.',
  'agreement.transitionNotAllowed':
    'Een {{kind}} kan niet van {{from}} naar {{to}}. Vanuit {{from}} kan: {{allowed}}.',
  'agreement.transitionRoleRequired': 'Een {{kind}} van {{from}} naar {{to}} zetten vraagt de rol {{roles}}.',
  'agreement.decisionRoute': 'Deze stap is een besluit dat via {{route}} wordt genomen.',
  'agreement.alreadyOffered': 'Deze {{kind}} ligt al bij de partijen (status: {{status}}).',
  'agreement.renewNotActive': 'Alleen een actieve overeenkomst kan worden verlengd.',
  'agreement.frameworkUnknown': 'De raamovereenkomst bestaat niet in dit register.',
  'agreement.callOffOfContract': 'Een nadere overeenkomst is een contract onder een raamcontract.',
  'agreement.referenceInUse': 'Het kenmerk {{reference}} is al in gebruik.',
  'agreement.exists': 'Deze overeenkomst bestaat al.',
  'agreement.versionConflict': `Iemand anders heeft deze overeenkomst intussen gewijzigd. ${CHANGED_NL}`,
  'agreement.changedMeanwhile': `Iemand anders heeft deze overeenkomst intussen gewijzigd. ${CHANGED_NL}`,
  'agreement.yearsUnique': 'Elk jaar mag maar één keer voorkomen.',
  'mandate.approvalRequired':
    'Boven de mandaatgrens van {{thresholdCents}} moet een goedkeurder de huidige voorwaarden goedkeuren voordat de overeenkomst naar {{to}} gaat.',
  'mandate.noCeiling':
    'Een overeenkomst zonder plafondbedrag moet worden goedgekeurd voordat ze naar {{to}} gaat.',
  'mandate.approverIsDrafter': 'De goedkeurder mag niet de inkoper zijn die de overeenkomst opstelde.',
  'mandate.raiseNeedsApproval':
    'De waarde van een ondertekende overeenkomst verhogen boven de mandaatgrens ({{thresholdCents}}) vraagt een goedkeurder: maak een nieuwe overeenkomst (of nadere overeenkomst) en laat die goedkeuren.',
  'renewal.none': 'Deze overeenkomst heeft geen verlengingsopties.',
  'renewal.noOptionLeft': 'Er is geen verlengingsoptie meer ({{used}} van {{options}} gebruikt).',
  'renewal.moreUsedThanOptions':
    'Er zijn meer verlengingen gebruikt ({{used}}) dan er opties zijn ({{options}}).',
  'region.onlyOwnUsers':
    'Alleen de eigen gebruikers van de regio wijzigen haar overeenkomsten; deelnemers lezen ze en hun aandeel.',
  'party.unknown': 'Deze organisatie is niet geregistreerd.',
  'party.duplicate': 'Een partij komt twee keer voor in dezelfde rol.',
  'party.notProvider': 'Deze overeenkomst heeft geen aanbiederpartij met dat register.',
  'party.nameRequired': 'Deze overeenkomst heeft meerdere aanbiederpartijen: kies de partij.',
  'productLine.notAllowed': 'Productregels horen alleen bij contracten voor Jeugd of Wmo.',
  'productLine.categoryRange': 'Categorie {{category}} valt buiten {{from}}–{{to}}.',
  'productLine.codeDuplicate': 'Productcode {{productCode}} komt twee keer voor.',
  'productLine.lumpSumRequired': 'Een taakgerichte regel heeft een vast bedrag nodig.',
  'productLine.taskHasNoTariff': 'Een taakgerichte regel heeft geen volume, eenheid, frequentie of tarief.',
  'productLine.unitRequired': 'Kies de eenheid.',
  'productLine.frequencyRequired': 'Kies de frequentie.',
  'productLine.tariffRequired': 'Vul het tarief in.',
  'productLine.lumpSumOnlyTask': 'Alleen een taakgerichte regel heeft een vast bedrag.',
  'productLine.unknown': 'Deze overeenkomst heeft geen productregel met die code.',
  'allocation.notRegion': 'Alleen een overeenkomst van een regio heeft een verdeelsleutel.',
  'allocation.notMember': '{{space}} is geen deelnemer van {{region}}.',
  'allocation.amountInvalid': 'Het bedrag moet een geheel aantal centen van 0 of meer zijn.',
  'allocation.noWeight': 'Minstens één deelnemer heeft een gewicht nodig.',
  'allocation.noKey': 'Alleen een overeenkomst met een verdeelsleutel heeft een afrekening per deelnemer.',
  'allocation.memberTwice': 'Elke deelnemer mag maar één keer voorkomen.',
  'allocation.fixedNotHundred': 'Vaste percentages moeten samen 100% zijn.',
  'allocation.inhabitantsSource': 'Een sleutel naar inwonertal heeft een peildatum en een bron nodig.',
  'allocation.baseMissing': 'Een sleutel met vast deel en variabel deel heeft het vaste deel nodig.',
  'duty.unknown': 'Deze overeenkomst heeft geen informatieplicht met die code.',
  'duty.periodicNeedsFrequency':
    'Een periodieke plicht heeft een frequentie nodig en het aantal dagen waarbinnen de rapportage na de periode binnen moet zijn.',
  'duty.eventNeedsEvent': 'Een plicht bij een gebeurtenis heeft de gebeurtenis en een reactietermijn nodig.',
  'report.agreementNotActive':
    'Op een overeenkomst met status {{status}} kan niets worden gerapporteerd; ze moet actief zijn.',
  'report.notExpected': 'Onder deze plicht wordt nu geen rapportage verwacht.',
  'report.wrongPeriod': 'De rapportage die nu wordt verwacht, is die over {{period}}.',
  'report.changedMeanwhile': `Deze rapportage is net ingediend, of de overeenkomst is gewijzigd. ${CHANGED_NL}`,
  'kpi.unknown': 'Deze overeenkomst heeft geen indicator met die code.',
  'kpi.noResult': 'Er is nog geen resultaat voor deze indicator en periode.',
  'kpi.noValueYet': `Er is nog geen waarde voor deze indicator en periode. ${CHANGED_NL}`,
  'kpi.versionConflict': `Iemand anders heeft deze waarde intussen gewijzigd. ${CHANGED_NL}`,
  'meeting.versionConflict': `Iemand anders heeft dit gesprek intussen gewijzigd. ${CHANGED_NL}`,
  'meeting.ratingRequired': 'Beantwoord de vragen over de samenwerking of geef een score.',
  'meeting.actionUnknown': 'Dit gesprek heeft geen actie met dat nummer.',
  'meeting.actionAlreadyDone': 'Deze actie is al afgerond.',
  'realisation.reversed': 'Een teruggedraaide realisatie kan niet worden gecorrigeerd.',
  'realisation.versionConflict': `Iemand anders heeft deze realisatie intussen gewijzigd. ${CHANGED_NL}`,
  'realisation.changedMeanwhile': `De realisaties of de totalen zijn intussen gewijzigd. ${CHANGED_NL}`,
  'signing.notOutForSignature': 'De overeenkomst staat niet ter ondertekening (status: {{status}}).',
  'signing.noDocument': 'De overeenkomst heeft nog geen document om te ondertekenen.',
  'signing.consentRequired': 'Geef uitdrukkelijk toestemming om te ondertekenen.',
  'signing.hashMismatch':
    'Dit is niet het huidige document. Laad het document opnieuw en onderteken opnieuw.',
  'signing.termsChanged':
    'Het document is gemaakt van andere voorwaarden (versie {{documentTermsVersion}}) dan de huidige (versie {{termsVersion}}); maak eerst een nieuw document.',
  'signing.termsChangedMeanwhile':
    'De voorwaarden zijn gewijzigd terwijl het document werd gemaakt; maak het opnieuw.',
  'signing.notASigner': 'U bent geen ondertekenaar van deze overeenkomst.',
  'signing.allSigned': 'Iedereen heeft al ondertekend.',
  'signing.alreadySigned': 'Uw organisatie heeft dit document al ondertekend.',
  'signing.notYourTurn':
    'U bent nog niet aan de beurt: {{organisationName}} ondertekent eerst (ondertekenaar {{order}} van {{count}}).',
  'signing.changedMeanwhile': `Iemand heeft intussen ondertekend of het document gewijzigd. ${CHANGED_NL}`,
  'document.placeRoleRequired': 'Alleen een inkoper of contractmanager plaatst het document.',
  'document.wrongStatus':
    'Een document kan worden geplaatst als de overeenkomst goedgekeurd is of ter ondertekening staat (status: {{status}}).',
  'document.storeUnavailable': 'De documentopslag is tijdelijk niet bereikbaar. Probeer het zo opnieuw.',
  'escalation.resolved': 'Deze escalatie is al afgehandeld.',
  'escalation.atTop': 'De escalatie staat al op de hoogste trede ({{level}}).',
  'escalation.resolveForbidden':
    'Alleen de kant die de escalatie opende, of de contractmanager of inkoper van de eigenaar, handelt haar af; reageer of schaal op.',
  'escalation.versionConflict': `Iemand anders heeft deze escalatie intussen gewijzigd. ${CHANGED_NL}`,
  'escalation.changedMeanwhile': `Iemand anders heeft deze escalatie intussen gewijzigd. ${CHANGED_NL}`,
  'notification.notFound': 'Deze melding bestaat niet (meer).',
  'notification.notEventDuty': 'Kies een meldplicht bij gebeurtenis van deze overeenkomst.',
  'notification.closed': (p) =>
    `Deze melding is al ${p.state === 'escalated' ? 'geëscaleerd' : 'beantwoord'}; er volgt geen stap meer.`,
  'notification.alreadyAcknowledged': 'Deze melding is al bevestigd; beantwoord haar.',
  'notification.versionConflict': `Iemand anders heeft deze melding intussen gewijzigd. ${CHANGED_NL}`,
  'notification.changedMeanwhile': `Iemand anders heeft deze melding of overeenkomst intussen gewijzigd. ${CHANGED_NL}`,
  'steering.motivationRequired': 'Motiveer waarom u {{chosen}} kiest in plaats van {{proposed}}.',
  'steering.versionConflict': `Iemand anders heeft de sturing intussen gewijzigd. ${CHANGED_NL}`,
  'relation.notDecided': 'Voor deze overeenkomst is nog geen relatie vastgesteld; er is niets te bevestigen.',
  'relation.staleRound':
    'De gemeente heeft de relatie intussen opnieuw vastgesteld (ronde {{currentRound}}; u antwoordde op ronde {{round}}). Bekijk de nieuwe afspraken en antwoord opnieuw.',
  'relation.partyUnknown': 'Deze organisatie is geen partij bij deze overeenkomst.',
  'relation.partyHasPortal':
    'Deze partij heeft eigen gebruikers in Regie en bevestigt zelf; vastleggen namens de partij kan alleen voor een partij zonder gebruikers.',
  'relation.changedMeanwhile': `Iemand anders heeft de relatie of een antwoord intussen gewijzigd. ${CHANGED_NL}`,
  'steering.membersOnlyForGr':
    'Alleen een gemeenschappelijke regeling heeft rollen per deelnemende gemeente.',
  'steering.notMember': '{{space}} neemt niet deel aan {{region}}.',
  'steering.memberTwice': 'De rollen van {{space}} staan er twee keer in.',
  'governance.partnerMonthlyInputEffort':
    'U kiest partnerschap, maar stuurt met maandelijkse inputrapportage op alleen inspanningsgerichte productregels: dat is de nauwe sturing van een baas. Wie steeds meer detail vraagt, kweekt wantrouwen.',
  'governance.bossOutcomeWithoutDuties':
    'U kiest de rol van baas met outcome-indicatoren, maar zonder gedetailleerde meldplichten (minstens per kwartaal): u heeft dan niets om op te sturen.',
  'governance.customerLumpSumWithoutKpis':
    "U kiest de rol van klant bij een taakgerichte lumpsum van {{months}} maanden zonder KPI's: zonder indicatoren ziet u niet wat u voor het vaste bedrag krijgt.",
  'governance.kpiDepthNotReached': (p) =>
    p.reachedDepth === 'none'
      ? `De relatie vraagt KPI's op niveau ${p.expectedDepth}, maar geen afgesproken KPI heeft een niveau.`
      : `De relatie vraagt KPI's op niveau ${p.expectedDepth}, maar de afgesproken KPI's komen niet verder dan ${p.reachedDepth}.`,
  'governance.executionVariantDiffers':
    'De gewenste uitvoeringsvariant is {{preferred}}, maar productregels zijn {{variants}}.',
  'governance.termsFrozen':
    'De informatieplichten kunnen niet veranderen zolang goedkeuring of ondertekening loopt (status {{status}}). Pas de relatie toe zonder wijziging van plichten, of na ondertekening.',
  'simulation.uncappedPerUnitLine':
    'Productregel {{productCode}} betaalt per eenheid zonder volume- of geldplafond: elke extra eenheid kost de gemeente het tarief, zonder grens.',
  'simulation.capNeverBinds': (p) =>
    p.neverBinds === 'money'
      ? `Bij productregel ${p.productCode} ligt het geldplafond (${p.moneyCeilingCents}) boven tarief × volumeplafond (${p.volumeCapCents}): het geldplafond begrenst nooit.`
      : `Bij productregel ${p.productCode} ligt tarief × volumeplafond (${p.volumeCapCents}) boven het geldplafond (${p.moneyCeilingCents}): het volumeplafond begrenst nooit.`,
  'simulation.variantContradictsRelation':
    'Productregel {{productCode}} is inspanningsgericht, terwijl de relatie ({{relationType}}) om {{preferred}} vraagt: betalen per uur beloont meer uren, niet het resultaat.',
  'simulation.forecastCrossesCap':
    'Bij het huidige tempo bereikt productregel {{productCode}} haar plafond in {{month}}, voor het einde van de looptijd.',
  'subsidy.notASubsidy': 'Deze overeenkomst is geen subsidie.',
  'subsidy.ceilingExceeded':
    'Geweigerd op grond van Awb 4:25: een verlening van {{amountCents}} gaat over het subsidieplafond van {{ceilingCents}} van "{{regulation}}"; er is nog {{roomLeftCents}} ruimte.',
  'subsidy.ceilingBelowGranted': 'Het plafond kan niet lager zijn dan wat al is verleend ({{grantedCents}}).',
  'subsidy.lateApplication':
    'De aanvraag voor boekjaar {{bookYear}} is op {{receivedDate}} ontvangen, na de termijn van Awb 4:60 ({{deadlineDate}}, {{weeks}} weken voor het boekjaar): weiger haar, of verleen bewust met een motivering.',
  'subsidy.lateMotivationRequired': 'Een te late aanvraag (Awb 4:60) verlenen vraagt een motivering.',
  'subsidy.settleAtGrantNotProvided': 'De regeling voorziet niet in vaststelling bij verlening (Awb 4:47).',
  'subsidy.settleAtGrantAbove':
    'Alleen een verlening tot {{limitCents}} wordt bij verlening vastgesteld (Awb 4:47).',
  'subsidy.cannotSettle': 'Een subsidie met status {{status}} kan niet worden vastgesteld.',
  'subsidy.settleOnApplication':
    'Er is een aanvraag tot vaststelling: stel vast op de aanvraag, niet ambtshalve.',
  'subsidy.onlyExOfficio':
    'Zonder aanvraag tot vaststelling kan de subsidie alleen ambtshalve worden vastgesteld (Awb 4:47).',
  'subsidy.exOfficioTooEarly':
    'Ambtshalve vaststellen (Awb 4:44, 4:47) kan pas als de termijn voor de aanvraag tot vaststelling is verstreken op {{dueDate}}.',
  'subsidy.settlementAboveGrant':
    'De vaststelling kan niet hoger zijn dan de verlening van {{grantedCents}} (Awb 4:46 lid 1).',
  'subsidy.groundRequired':
    'Een vaststelling lager dan de verlening van {{grantedCents}} vraagt een grond uit Awb 4:46 lid 2.',
  'subsidy.motivationRequired': 'Een lagere vaststelling vraagt een motivering.',
  'subsidy.groundOnlyLower':
    'Een grond uit Awb 4:46 lid 2 hoort alleen bij een vaststelling lager dan de verlening.',
  'subsidy.advanceNotGranted':
    'Voorschotten worden betaald op een verleende subsidie tot ze is vastgesteld; deze heeft status {{status}}.',
  'subsidy.advancesAboveGrant':
    'De voorschotten samen kunnen niet hoger zijn dan de verlening van {{grantedCents}}: {{advancedCents}} bevoorschot, {{leftCents}} over.',
  'subsidy.applicationAfterDecision': 'De aanvraag kan alleen vóór het besluit worden vastgelegd.',
  'subsidy.applicationFirst': 'Leg eerst de aanvraag vast (regeling, datum, bedrag), dan de verlening.',
  'subsidy.cannotGrant': 'Een subsidie met status {{status}} kan niet worden verleend.',
  'subsidy.onlyGrantedSettled': 'Alleen een verleende subsidie kan worden vastgesteld.',
  'regulation.unknown': 'Deze subsidieregeling bestaat niet in dit register.',
  'regulation.exists': 'Deze subsidieregeling bestaat al.',
  'regulation.versionConflict': `Iemand anders heeft deze regeling intussen gewijzigd. ${CHANGED_NL}`,
  'regulation.changedMeanwhile': `Iemand anders heeft deze regeling intussen gewijzigd. ${CHANGED_NL}`,
  'wgr.notAGr': 'Alleen een gemeenschappelijke regeling heeft een P&C-kalender.',
  'wgr.regionOnly': 'Alleen de regio die de GR houdt, plant haar kalender.',
  'wgr.notMember': 'Deze gemeente neemt niet deel aan de GR.',
  'wgr.ownOpinionOnly': 'Een deelnemer legt alleen de zienswijze van de eigen raad vast.',
  'wgr.opinionDateRange': 'De zienswijze op de begroting {{year}} is gedateerd tussen {{from}} en {{to}}.',
  'wgr.outcomeNeeded': 'Kies de uitkomst van de zienswijze.',
  'wgr.opinionDateNeeded': 'Vul in wanneer de zienswijze is ingediend.',
  'wgr.summaryWithoutOpinion': 'Een samenvatting hoort bij een ingediende zienswijze.',
  'wgr.draftReceivedNeeded': 'Vul in wanneer de raad de ontwerpbegroting ontving.',
  'wgr.opinionBeforeDraft':
    'De zienswijze kan niet eerder zijn ingediend dan de ontwerpbegroting werd ontvangen.',
  'wgr.answerWithoutOpinion': 'Het bestuur beantwoordt een ingediende zienswijze.',
  'wgr.answerToNoOpinion': 'Op "geen zienswijze" volgt geen antwoord van het bestuur.',
  'wgr.answerBeforeOpinion': 'Het bestuur kan niet antwoorden voordat de zienswijze is ingediend.',
  'wgr.budgetAdoptionYear': 'De begroting van jaar J wordt vastgesteld in J-1 (of, te laat, in J).',
  'wgr.accountsAdoptionYear': 'De jaarrekening over jaar J wordt vastgesteld in J+1 (of, te laat, in J+2).',
  'wgr.versionConflict': `Iemand anders heeft de kalender intussen gewijzigd. ${CHANGED_NL}`,
  'wgr.changedMeanwhile': `Iemand anders heeft de kalender intussen gewijzigd. ${CHANGED_NL}`,
  'import.columnMissing': 'Geen kolom voor {{column}}: kies bij ‘Kolommen koppelen’ welke kolom dit is.',
  'import.valueMissing': 'Vul dit veld in.',
  'import.dateInvalid': '‘{{value}}’ is geen datum. Gebruik dd-mm-jjjj, bijvoorbeeld 31-12-2026.',
  'import.amountInvalid':
    '‘{{value}}’ is geen bedrag. Schrijf bijvoorbeeld 1.234,56 (niet negatief, hele centen).',
  'import.numberInvalid': '‘{{value}}’ is geen heel getal.',
  'import.kvkInvalid': '‘{{value}}’ is geen KvK-nummer: dat heeft 8 cijfers.',
  'import.partyInvalid':
    'Partij ‘{{value}}’ is niet te lezen. Schrijf: Naam (KvK 12345678); Naam 2 (KvK 87654321).',
  'import.kindUnknown':
    'Soort ‘{{value}}’ is onbekend. Kies Inkoopcontract, Subsidie, Gemeenschappelijke regeling of Dienstverleningsovereenkomst.',
  'import.statusUnknown':
    'Status ‘{{value}}’ is onbekend, bijvoorbeeld: concept, actief, beëindigd, verlopen.',
  'import.domainUnknown': 'Domein ‘{{value}}’ is onbekend. Kies Jeugd, Wmo, Participatie, ICT of Overig.',
  'import.tooManyRows':
    'Het bestand heeft {{rows}} rijen; één import neemt er hoogstens {{max}}. Splits het bestand.',
  'import.fileEmpty': 'Het bestand heeft geen kopregel met rijen eronder.',
  'import.fileUnreadable': 'Het bestand is niet te lezen. Kies een .xlsx- of .csv-bestand (UTF-8).',
  'organisation.exists': 'Deze organisatie bestaat al.',
  'organisation.changedMeanwhile': 'Het organisatieregister is intussen gewijzigd. Probeer het opnieuw.',
  'settings.versionConflict': `Iemand anders heeft de instellingen intussen gewijzigd. ${CHANGED_NL}`,
  'settings.changedMeanwhile': `Iemand anders heeft de instellingen intussen gewijzigd. ${CHANGED_NL}`,
  'user.notFound': 'Deze gebruiker bestaat niet, of u heeft er geen toegang toe.',
  'user.versionConflict': `Iemand anders heeft deze gebruiker intussen gewijzigd. ${CHANGED_NL}`,
  'user.changedMeanwhile': 'Iemand anders heeft tegelijk de gebruikers gewijzigd. Probeer het opnieuw.',
  'user.emailInUse': 'Er is al een gebruiker met dit e-mailadres.',
  'user.rolesDoNotFit': 'Een van de rollen past niet bij een {{spaceKind}}.',
  'user.lastAdmin': 'Dit is de laatste actieve {{role}}. Maak eerst iemand anders {{role}}.',
  'user.selfDisable': 'U kunt uzelf niet uitschakelen.',
  'ical.changedMeanwhile': 'De agenda-koppeling is tegelijk gewijzigd. Probeer het opnieuw.',
  'import.statusNotImportable':
    'Een {{kind}} kan niet worden geïmporteerd met status {{status}}. Importeren kan met: {{allowed}}.',
  'import.duplicateInFile': 'Het kenmerk {{reference}} staat al eerder in het bestand (regel {{line}}).',
  'import.partyNotRegistered':
    '{{name}} (KvK {{kvkNumber}}) is niet geregistreerd als organisatie. Registreer deze eerst.',
  'organisation.kvkInvalid': 'Een KvK-nummer heeft 8 cijfers.',
  'organisation.agbInvalid': 'Een AGB-code heeft 8 cijfers en begint met 41 of 91.',
  'organisation.ibanInvalid': 'Dit IBAN is niet geldig.',
};

export const enReasons: ReasonTexts = {
  'request.invalid': 'The input is not valid. Check the marked fields.',
  'request.unauthorized': 'You are not signed in (any more). Sign in again.',
  'request.forbidden': 'You do not have the rights for this action.',
  'request.notFound': 'This does not exist, or you have no access to it.',
  'request.conflict': `Someone else changed this meanwhile. ${CHANGED_EN}`,
  'request.tooManyRequests': 'Too many requests at once. Try again shortly.',
  'request.tenantBudget':
    'Your organisation is sending more requests than its share right now. Try again in a few seconds.',
  'request.failed': 'That did not work. Try again.',
  'server.internal': 'Something went wrong on the server. Try again later.',
  'server.unavailable': 'The service is temporarily unavailable. Try again shortly.',
  'database.unavailable': 'The data is temporarily unreachable. Try again shortly.',
  'cursor.invalid': 'The list could not be loaded further. Start again at the first page.',
  'idempotency.keyInvalid': 'The request had an invalid retry key. Reload the page.',
  'idempotency.keyReused': 'This request was sent before with other data. Reload the page.',
  'idempotency.inProgress':
    'This request is still being processed. Wait a moment, then check whether it worked.',
  'idempotency.doneNotStored': 'This request was already carried out. Reload the page to see the result.',
  'validation.invalid_type': 'Enter a valid value.',
  'validation.too_big': (p) => enSize(p, 'At most', p.maximum ?? ''),
  'validation.too_small': (p) =>
    p.origin === 'string' && p.minimum === '1'
      ? 'Fill in this field.'
      : enSize(p, 'At least', p.minimum ?? ''),
  'validation.invalid_format': 'The format is not right.',
  'validation.not_multiple_of': 'Must be a multiple of {{divisor}}.',
  'validation.unrecognized_keys': 'Unknown fields: {{keys}}.',
  'validation.invalid_union': 'Enter a valid value.',
  'validation.invalid_key': 'Enter a valid value.',
  'validation.invalid_element': 'Enter a valid value.',
  'validation.invalid_value': 'Choose one of: {{values}}.',
  'validation.custom': 'This value is not valid.',
  'object.notFound': 'This does not exist, or you have no access to it.',
  'agreement.notFound': 'This agreement does not exist, or you have no access to it.',
  'document.notFound': 'This document does not exist, or you have no access to it.',
  'space.notFound': 'This register does not exist, or you have no access to it.',
  'regulation.notFound': 'This subsidy regulation does not exist, or you have no access to it.',
  'party.notFound': 'This party does not exist, or you have no access to it.',
  'realisation.notFound': 'This realisation does not exist, or you have no access to it.',
  'calendar.notFound': 'This planning & control calendar does not exist yet.',
  'meeting.notFound': 'This meeting does not exist, or you have no access to it.',
  'escalation.notFound': 'This escalation does not exist, or you have no access to it.',
  'signal.notFound': 'This signal does not exist, or you have no access to it.',
  'agreement.endBeforeStart': 'The end date must not be before the start date.',
  'agreement.transitionNotAllowed':
    'A {{kind}} cannot go from {{from}} to {{to}}. From {{from}}: {{allowed}}.',
  'agreement.transitionRoleRequired': 'Moving a {{kind}} from {{from}} to {{to}} needs the role {{roles}}.',
  'agreement.decisionRoute': 'This move is a decision made through {{route}}.',
  'agreement.alreadyOffered': 'This {{kind}} is already before its parties (status: {{status}}).',
  'agreement.renewNotActive': 'Only an active agreement can be renewed.',
  'agreement.frameworkUnknown': 'The framework agreement does not exist in this register.',
  'agreement.callOffOfContract': 'A call-off is a contract under a framework contract.',
  'agreement.referenceInUse': 'The reference {{reference}} is already in use.',
  'agreement.exists': 'This agreement already exists.',
  'agreement.versionConflict': `Someone else changed this agreement meanwhile. ${CHANGED_EN}`,
  'agreement.changedMeanwhile': `Someone else changed this agreement meanwhile. ${CHANGED_EN}`,
  'agreement.yearsUnique': 'Each year may appear once.',
  'mandate.approvalRequired':
    'Above the mandate threshold of {{thresholdCents}} an approver must approve the current terms before the agreement goes to {{to}}.',
  'mandate.noCeiling': 'An agreement without a value ceiling needs approval before it goes to {{to}}.',
  'mandate.approverIsDrafter': 'The approver cannot be the purchaser who drafted the agreement.',
  'mandate.raiseNeedsApproval':
    'Raising the value of a signed agreement above the mandate threshold ({{thresholdCents}}) needs an approver: make a new agreement (or a call-off) and have it approved.',
  'renewal.none': 'This agreement has no renewal options.',
  'renewal.noOptionLeft': 'No renewal option left ({{used}} of {{options}} used).',
  'renewal.moreUsedThanOptions': 'More renewals used ({{used}}) than there are options ({{options}}).',
  'region.onlyOwnUsers':
    'Only the region’s own users change its agreements; members read them and their share.',
  'party.unknown': 'This organisation is not registered.',
  'party.duplicate': 'A party appears twice in the same role.',
  'party.notProvider': 'This agreement has no provider party with that register.',
  'party.nameRequired': 'This agreement has several provider parties: choose the party.',
  'productLine.notAllowed': 'Product lines belong to youth (Jeugdwet) or Wmo contracts only.',
  'productLine.categoryRange': 'Category {{category}} is outside {{from}}–{{to}}.',
  'productLine.codeDuplicate': 'Product code {{productCode}} appears twice.',
  'productLine.lumpSumRequired': 'A task-based line needs its lump sum.',
  'productLine.taskHasNoTariff': 'A task-based line has no volume, unit, frequency or tariff.',
  'productLine.unitRequired': 'Choose the unit.',
  'productLine.frequencyRequired': 'Choose the frequency.',
  'productLine.tariffRequired': 'Enter the tariff.',
  'productLine.lumpSumOnlyTask': 'Only a task-based line has a lump sum.',
  'productLine.unknown': 'This agreement has no product line with that id.',
  'allocation.notRegion': 'Only an agreement a region owns has an allocation key.',
  'allocation.notMember': '{{space}} is not a member of {{region}}.',
  'allocation.amountInvalid': 'The amount must be whole cents of 0 or more.',
  'allocation.noWeight': 'At least one member needs a weight.',
  'allocation.noKey': 'Only an agreement with an allocation key has a statement per member.',
  'allocation.memberTwice': 'Each member may appear once.',
  'allocation.fixedNotHundred': 'Fixed percentages must add up to 100%.',
  'allocation.inhabitantsSource': 'A per-inhabitant key needs its reference date and source.',
  'allocation.baseMissing': 'A base-plus-variable key needs its base part.',
  'duty.unknown': 'This agreement has no duty with that id.',
  'duty.periodicNeedsFrequency':
    'A periodic duty needs a frequency and the days after the period in which the report is due.',
  'duty.eventNeedsEvent': 'An event duty needs the event and a response time.',
  'report.agreementNotActive':
    'Nothing can be reported on an agreement in status {{status}}; it must be active.',
  'report.notExpected': 'No report is expected under this duty now.',
  'report.wrongPeriod': 'The report expected now is for {{period}}.',
  'report.changedMeanwhile': `This report was just delivered, or the agreement changed. ${CHANGED_EN}`,
  'kpi.unknown': 'This agreement has no indicator with that id.',
  'kpi.noResult': 'There is no result for this indicator and period yet.',
  'kpi.noValueYet': `There is no value for this indicator and period yet. ${CHANGED_EN}`,
  'kpi.versionConflict': `Someone else changed this value meanwhile. ${CHANGED_EN}`,
  'meeting.versionConflict': `Someone else changed this meeting meanwhile. ${CHANGED_EN}`,
  'meeting.ratingRequired': 'Answer the questions about the collaboration or give a score.',
  'meeting.actionUnknown': 'This meeting has no action with that number.',
  'meeting.actionAlreadyDone': 'This action is already done.',
  'realisation.reversed': 'A reversed realisation cannot be corrected.',
  'realisation.versionConflict': `Someone else changed this realisation meanwhile. ${CHANGED_EN}`,
  'realisation.changedMeanwhile': `The realisations or the totals changed meanwhile. ${CHANGED_EN}`,
  'signing.notOutForSignature': 'The agreement is not out for signature (status: {{status}}).',
  'signing.noDocument': 'The agreement has no document to sign yet.',
  'signing.consentRequired': 'Give your consent explicitly to sign.',
  'signing.hashMismatch': 'This is not the current document. Reload the document and sign again.',
  'signing.termsChanged':
    'The document was made from other terms (version {{documentTermsVersion}}) than the current ones (version {{termsVersion}}); make a new document first.',
  'signing.termsChangedMeanwhile': 'The terms changed while the document was made; make it again.',
  'signing.notASigner': 'You are not a signer of this agreement.',
  'signing.allSigned': 'Everyone has signed already.',
  'signing.alreadySigned': 'Your organisation has signed this document already.',
  'signing.notYourTurn':
    'It is not your turn yet: {{organisationName}} signs first (signer {{order}} of {{count}}).',
  'signing.changedMeanwhile': `Someone signed or changed the document meanwhile. ${CHANGED_EN}`,
  'document.placeRoleRequired': 'Only a purchaser or contract manager places the document.',
  'document.wrongStatus':
    'A document can be placed while the agreement is approved or out for signature (status: {{status}}).',
  'document.storeUnavailable': 'The document store is temporarily unreachable. Try again shortly.',
  'escalation.resolved': 'This escalation is resolved already.',
  'escalation.atTop': 'The escalation is at the top of the ladder already ({{level}}).',
  'escalation.resolveForbidden':
    'Only the side that opened this escalation, or the owner’s contract manager or purchaser, resolves it; respond or escalate instead.',
  'escalation.versionConflict': `Someone else changed this escalation meanwhile. ${CHANGED_EN}`,
  'escalation.changedMeanwhile': `Someone else changed this escalation meanwhile. ${CHANGED_EN}`,
  'notification.notFound': 'This notification does not exist (any more).',
  'notification.notEventDuty': 'Choose an event duty of this agreement.',
  'notification.closed': (p) =>
    `This notification is already ${p.state === 'escalated' ? 'escalated' : 'answered'}; it takes no further step.`,
  'notification.alreadyAcknowledged': 'This notification is already acknowledged; answer it.',
  'notification.versionConflict': `Someone else changed this notification meanwhile. ${CHANGED_EN}`,
  'notification.changedMeanwhile': `Someone else changed this notification or agreement meanwhile. ${CHANGED_EN}`,
  'steering.motivationRequired': 'Give a motivation for choosing {{chosen}} instead of {{proposed}}.',
  'steering.versionConflict': `Someone else changed the steering meanwhile. ${CHANGED_EN}`,
  'relation.notDecided': 'No relation has been decided for this agreement yet; there is nothing to confirm.',
  'relation.staleRound':
    'The municipality has decided the relation again meanwhile (round {{currentRound}}; you answered round {{round}}). Review the new arrangements and answer again.',
  'relation.partyUnknown': 'This organisation is not a party to this agreement.',
  'relation.partyHasPortal':
    'This party has its own users in Regie and confirms itself; recording on its behalf is only for a party without users.',
  'relation.changedMeanwhile': `Someone else changed the relation or an answer meanwhile. ${CHANGED_EN}`,
  'steering.membersOnlyForGr': 'Only a joint arrangement has roles per participating municipality.',
  'steering.notMember': '{{space}} does not take part in {{region}}.',
  'steering.memberTwice': 'The roles of {{space}} are in twice.',
  'governance.partnerMonthlyInputEffort':
    'You chose a partner relation but steer with monthly input reporting on effort-based lines only: that is the close control of a boss. Asking ever more detail breeds distrust.',
  'governance.bossOutcomeWithoutDuties':
    'You chose the boss role with outcome indicators but no detailed information duties (at least quarterly): that leaves you nothing to steer on.',
  'governance.customerLumpSumWithoutKpis':
    'You chose the customer role for a task-based lump sum of {{months}} months without KPIs: without indicators you cannot see what the fixed amount buys.',
  'governance.kpiDepthNotReached': (p) =>
    p.reachedDepth === 'none'
      ? `The relation expects KPIs at the ${p.expectedDepth} level, but no agreed KPI has a level.`
      : `The relation expects KPIs at the ${p.expectedDepth} level, but the agreed KPIs go no further than ${p.reachedDepth}.`,
  'governance.executionVariantDiffers':
    'The preferred execution variant is {{preferred}}, but product lines are {{variants}}.',
  'governance.termsFrozen':
    'The information duties cannot change while approval or signing runs (status {{status}}). Apply the relation without changing duties, or after signing.',
  'simulation.uncappedPerUnitLine':
    'Product line {{productCode}} pays per unit without a volume or money cap: every extra unit costs the municipality the tariff, without limit.',
  'simulation.capNeverBinds': (p) =>
    p.neverBinds === 'money'
      ? `On product line ${p.productCode} the money cap (${p.moneyCeilingCents}) is above tariff × volume cap (${p.volumeCapCents}): the money cap never binds.`
      : `On product line ${p.productCode} tariff × volume cap (${p.volumeCapCents}) is above the money cap (${p.moneyCeilingCents}): the volume cap never binds.`,
  'simulation.variantContradictsRelation':
    'Product line {{productCode}} is effort-based while the relation ({{relationType}}) asks for {{preferred}}: paying per hour rewards more hours, not the result.',
  'simulation.forecastCrossesCap':
    'At the current pace product line {{productCode}} reaches its cap in {{month}}, before the term ends.',
  'subsidy.notASubsidy': 'This agreement is not a subsidy.',
  'subsidy.ceilingExceeded':
    'Refused under Awb 4:25: a grant of {{amountCents}} would exceed the ceiling of {{ceilingCents}} of "{{regulation}}"; room left: {{roomLeftCents}}.',
  'subsidy.ceilingBelowGranted':
    'The ceiling cannot be lower than what is already granted ({{grantedCents}}).',
  'subsidy.lateApplication':
    'The application for book year {{bookYear}} was received on {{receivedDate}}, after the Awb 4:60 deadline of {{deadlineDate}} ({{weeks}} weeks before the book year): refuse it, or grant it knowingly with a motivation.',
  'subsidy.lateMotivationRequired': 'Granting a late application (Awb 4:60) needs a motivation.',
  'subsidy.settleAtGrantNotProvided': 'The regulation does not provide for settlement at grant (Awb 4:47).',
  'subsidy.settleAtGrantAbove': 'Only a grant up to {{limitCents}} is settled at grant (Awb 4:47).',
  'subsidy.cannotSettle': 'A subsidy in status {{status}} cannot be settled.',
  'subsidy.settleOnApplication': 'There is an application for settlement: settle on it, not ex officio.',
  'subsidy.onlyExOfficio':
    'Without an application for settlement the subsidy can only be settled ex officio (Awb 4:47).',
  'subsidy.exOfficioTooEarly':
    'Ex officio settlement (Awb 4:44, 4:47) only after the term to apply for settlement has lapsed on {{dueDate}}.',
  'subsidy.settlementAboveGrant':
    'The settlement cannot exceed the grant of {{grantedCents}} (Awb 4:46 lid 1).',
  'subsidy.groundRequired':
    'A settlement lower than the grant of {{grantedCents}} needs a ground of Awb 4:46 lid 2.',
  'subsidy.motivationRequired': 'A lower settlement needs a motivation.',
  'subsidy.groundOnlyLower': 'A ground of Awb 4:46 lid 2 is only for a settlement lower than the grant.',
  'subsidy.advanceNotGranted':
    'Advances are paid on a granted subsidy until it is settled; this one is {{status}}.',
  'subsidy.advancesAboveGrant':
    'The advances together cannot exceed the grant of {{grantedCents}}: {{advancedCents}} advanced, {{leftCents}} left.',
  'subsidy.applicationAfterDecision': 'The application can only be recorded before the decision.',
  'subsidy.applicationFirst': 'Record the application (regulation, date, amount) before the grant.',
  'subsidy.cannotGrant': 'A subsidy in status {{status}} cannot be granted.',
  'subsidy.onlyGrantedSettled': 'Only a granted subsidy can be settled.',
  'regulation.unknown': 'The regulation does not exist in this register.',
  'regulation.exists': 'This regulation already exists.',
  'regulation.versionConflict': `Someone else changed this regulation meanwhile. ${CHANGED_EN}`,
  'regulation.changedMeanwhile': `Someone else changed this regulation meanwhile. ${CHANGED_EN}`,
  'wgr.notAGr': 'Only a joint arrangement (GR) has a planning & control calendar.',
  'wgr.regionOnly': 'Only the region that holds the GR plans its calendar.',
  'wgr.notMember': 'This municipality does not take part in the GR.',
  'wgr.ownOpinionOnly': 'A member records only its own council’s opinion.',
  'wgr.opinionDateRange': 'The opinion on the budget for {{year}} is dated between {{from}} and {{to}}.',
  'wgr.outcomeNeeded': 'Choose the outcome of the opinion.',
  'wgr.opinionDateNeeded': 'Enter when the opinion was submitted.',
  'wgr.summaryWithoutOpinion': 'A summary belongs to a submitted opinion.',
  'wgr.draftReceivedNeeded': 'Enter when the council received the draft budget.',
  'wgr.opinionBeforeDraft': 'The opinion cannot have been submitted before the draft budget was received.',
  'wgr.answerWithoutOpinion': 'The board answers a submitted opinion.',
  'wgr.answerToNoOpinion': 'A council that gave no opinion gets no answer from the board.',
  'wgr.answerBeforeOpinion': 'The board cannot answer before the opinion was submitted.',
  'wgr.budgetAdoptionYear': 'The budget of year Y is adopted in Y-1 (or, late, in Y).',
  'wgr.accountsAdoptionYear': 'The accounts of year Y are adopted in Y+1 (or, late, in Y+2).',
  'wgr.versionConflict': `Someone else changed the calendar meanwhile. ${CHANGED_EN}`,
  'wgr.changedMeanwhile': `Someone else changed the calendar meanwhile. ${CHANGED_EN}`,
  'import.columnMissing': 'No column for {{column}}: choose which column it is under ‘Map columns’.',
  'import.valueMissing': 'Fill in this field.',
  'import.dateInvalid': '‘{{value}}’ is not a date. Use dd-mm-yyyy, for example 31-12-2026.',
  'import.amountInvalid':
    '‘{{value}}’ is not an amount. Write for example 1.234,56 (not negative, whole cents).',
  'import.numberInvalid': '‘{{value}}’ is not a whole number.',
  'import.kvkInvalid': '‘{{value}}’ is not a KvK number: it has 8 digits.',
  'import.partyInvalid':
    'Party ‘{{value}}’ cannot be read. Write: Name (KvK 12345678); Name 2 (KvK 87654321).',
  'import.kindUnknown':
    'Kind ‘{{value}}’ is unknown. Choose Inkoopcontract, Subsidie, Gemeenschappelijke regeling or Dienstverleningsovereenkomst.',
  'import.statusUnknown': 'Status ‘{{value}}’ is unknown, for example: concept, actief, beëindigd, verlopen.',
  'import.domainUnknown': 'Domain ‘{{value}}’ is unknown. Choose Jeugd, Wmo, Participatie, ICT or Overig.',
  'import.tooManyRows': 'The file has {{rows}} rows; one import takes at most {{max}}. Split the file.',
  'import.fileEmpty': 'The file has no header row with rows below it.',
  'import.fileUnreadable': 'The file cannot be read. Choose an .xlsx or .csv file (UTF-8).',
  'organisation.exists': 'This organisation already exists.',
  'organisation.changedMeanwhile': 'The organisation register was changed meanwhile. Try again.',
  'settings.versionConflict': `Someone else changed the settings meanwhile. ${CHANGED_EN}`,
  'settings.changedMeanwhile': `Someone else changed the settings meanwhile. ${CHANGED_EN}`,
  'user.notFound': 'This user does not exist, or you have no access to it.',
  'user.versionConflict': `Someone else changed this user meanwhile. ${CHANGED_EN}`,
  'user.changedMeanwhile': 'Someone else changed the users at the same time. Try again.',
  'user.emailInUse': 'There already is a user with this e-mail address.',
  'user.rolesDoNotFit': 'One of the roles does not fit a {{spaceKind}}.',
  'user.lastAdmin': 'This is the last active {{role}}. Make someone else {{role}} first.',
  'user.selfDisable': 'You cannot disable yourself.',
  'ical.changedMeanwhile': 'The calendar feed was changed at the same time. Try again.',
  'import.statusNotImportable':
    'A {{kind}} cannot be imported in status {{status}}. Importable: {{allowed}}.',
  'import.duplicateInFile': 'The reference {{reference}} appears earlier in the file (line {{line}}).',
  'import.partyNotRegistered':
    '{{name}} (KvK {{kvkNumber}}) is not a registered organisation. Register it first.',
  'organisation.kvkInvalid': 'A KvK number has 8 digits.',
  'organisation.agbInvalid': 'An AGB code has 8 digits and starts with 41 or 91.',
  'organisation.ibanInvalid': 'This IBAN is not valid.',
};

/** Label lookups for parameters that name a value of the domain (status, kind); others are shown as they came. */
const LABELLED: Record<string, string> = {
  status: 'statuses',
  from: 'statuses',
  to: 'statuses',
  kind: 'kinds',
  spaceKind: 'organisationKinds',
  role: 'roles',
  expectedDepth: 'steering.kpiDepths',
  reachedDepth: 'steering.kpiDepths',
  preferred: 'variants',
  variants: 'variants',
};

export interface ReasonFormat {
  language: string;
  /** `t` of i18next, for the labels of statuses and kinds. */
  label: (key: string, fallback: string) => string;
  money: (cents: number) => string;
  date: (value: string) => string;
}

/** Formats one parameter by its name: `…Cents` money, `…Date` a date, status/kind their label. */
function formatParam(name: string, value: ParamValue, f: ReasonFormat): string {
  if (value === null || value === undefined) return '–';
  if (name.endsWith('Cents') && typeof value === 'number') return f.money(value);
  if (name.endsWith('Date') && typeof value === 'string') return f.date(value);
  const group = LABELLED[name];
  // A list of values (`effort, output`) is labelled item by item.
  if (group && typeof value === 'string')
    return value
      .split(', ')
      .map((item) => f.label(`${group}.${item}`, item))
      .join(', ');
  return String(value);
}

/** The text of a reason key in the language, its parameters formatted and put in. */
export function reasonText(reason: Reason, params: Record<string, ParamValue>, f: ReasonFormat): string {
  const table = f.language.startsWith('en') ? enReasons : nlReasons;
  const formatted: Params = {};
  for (const [name, value] of Object.entries(params)) formatted[name] = formatParam(name, value, f);
  const text = table[reason];
  if (typeof text === 'function') return text(formatted);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => formatted[name] ?? '–');
}

/** What the app says when no reason came back at all: the request never reached the API, or nothing is known. */
export const KIND_TEXTS = {
  nl: {
    network: 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
    unknown: 'Dat is niet gelukt. Probeer het opnieuw.',
  },
  en: {
    network: 'The server cannot be reached. Check your connection and try again.',
    unknown: 'That did not work. Try again.',
  },
} as const;
