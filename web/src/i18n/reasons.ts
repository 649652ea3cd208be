import type { ParamValue, Reason } from '@regie/core/browser';

/**
 * The text of every reason key of the API's refusals (packages/core/src/errors.ts `REASONS`), in Dutch and English.
 * `{{name}}` is a parameter, already formatted for the language (money, dates, statuses: see `reasonText`). A text
 * may be a function when the wording depends on a parameter. reasons.test.ts fails on a key without text here.
 */
export type Params = Record<string, string>;
export type ReasonTexts = Record<Reason, string | ((p: Params) => string)>;

const nlSize = (p: Params, bound: string, limit: string) => {
  if (p.origin === 'string') return `${bound} ${limit} tekens.`;
  if (p.origin === 'array' || p.origin === 'set') return `${bound} ${limit} items.`;
  return `${bound} ${limit}.`;
};
const CHANGED_NL = 'Laad de nieuwste versie en probeer het opnieuw.';

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
  'service.notAllowed': 'Alleen een DVO heeft diensten.',
  'service.nameDuplicate': 'Dienst {{name}} komt twee keer voor.',
  'service.idDuplicate': 'Een kenmerk komt twee keer voor.',
  'service.quantityDecimals': 'Een aantal heeft hoogstens twee decimalen.',
  'service.percentTooHigh': 'Een percentage is hoogstens 100.',
  'serviceReport.unknownLevel': 'Deze dienst heeft dat serviceniveau niet.',
  'serviceReport.duplicate': 'Een serviceniveau staat twee keer in de rapportage.',
  'serviceReport.valueOutOfRange': 'De gemeten waarde van {{measure}} valt buiten het bereik.',
  'serviceReport.wrongPeriod': 'Dit serviceniveau wordt per {{period}} gerapporteerd.',
  'serviceReport.outsideTerm': 'De periode valt buiten de looptijd van de overeenkomst.',
  'serviceReport.noCatalogue': 'Deze overeenkomst heeft geen diensten.',
  'serviceReport.providerReports': 'De dienstverlener rapporteert de serviceniveaus.',
  'serviceReport.alreadyReported': 'Over deze periode is al gerapporteerd.',
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
  'incentive.percentTooHigh': 'Een percentage is ten hoogste 100% (10.000 basispunten).',
  'incentive.unknownKpi':
    'Een prestatieafspraak noemt een indicator die deze overeenkomst niet (meer) heeft.',
  'incentive.duplicate': 'Per indicator is er ten hoogste één bonus en één malus.',
  'incentive.noArrangement': 'Deze overeenkomst heeft geen afspraak over prestatiebekostiging.',
  'incentive.notRunning':
    'Op een overeenkomst met status {{status}} wordt geen prestatiebekostiging afgerekend.',
  'incentive.periodNotSettleable':
    'Periode {{period}} is nog niet afgelopen, of geen indicator van de afspraak kent deze periode.',
  'incentive.alreadySettled': 'Periode {{period}} is al afgerekend.',
  'incentive.changedMeanwhile': `De overeenkomst is intussen gewijzigd of de periode is al afgerekend. ${CHANGED_NL}`,
  'kpi.unknown': 'Deze overeenkomst heeft geen indicator met die code.',
  'kpi.noResult': 'Er is nog geen resultaat voor deze indicator en periode.',
  'kpi.noValueYet': `Er is nog geen waarde voor deze indicator en periode. ${CHANGED_NL}`,
  'kpi.versionConflict': `Iemand anders heeft deze waarde intussen gewijzigd. ${CHANGED_NL}`,
  'kpi.sourceInvalid':
    'De indicator {{kpi}} haalt zijn resultaten uit een levering: kies een veld van een periodieke plicht met dezelfde frequentie.',
  'kpi.fromDelivery':
    'Deze indicator haalt zijn resultaten uit de gegevenslevering; ze worden niet met de hand ingevoerd.',
  'delivery.keysUnique': 'Elke veldcode mag maar één keer voorkomen.',
  'delivery.specOnlyPeriodic': 'Alleen een periodieke plicht kan een gegevensspecificatie hebben.',
  'delivery.noSpec': 'Onder deze plicht worden geen gegevens per veld geleverd.',
  'delivery.fieldRequired': 'Vul dit veld in; het is verplicht.',
  'delivery.notANumber': 'Vul een getal in, bijvoorbeeld 12 of 7,5.',
  'delivery.outOfRange': (p) =>
    p.type === 'percentage'
      ? 'Vul een percentage van 0 tot en met 100 in.'
      : p.type === 'amount'
        ? 'Vul een bedrag van € 0 of meer in.'
        : p.type === 'weeks'
          ? 'Vul een aantal weken van 0 tot en met 520 in.'
          : 'Vul een aantal van 0 of meer in.',
  'delivery.tooManyDecimals': (p) =>
    p.type === 'count'
      ? 'Vul een geheel aantal in, zonder decimalen.'
      : p.type === 'amount'
        ? 'Vul een bedrag in met hooguit twee cijfers achter de komma.'
        : 'Vul een getal in met hooguit één cijfer achter de komma.',
  'delivery.unknownField': 'De gegevensspecificatie van deze plicht kent het veld {{field}} niet.',
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
  'document.invalidPdf':
    'Dit bestand is geen leesbare PDF. Sla het opnieuw op als PDF en probeer het nog eens.',
  'document.encrypted':
    'Deze PDF is versleuteld of met een wachtwoord beveiligd. Plaats een versie zonder wachtwoord.',
  'document.activeContent':
    'Deze PDF bevat scripts of acties die iets starten. Plaats een versie zonder (bijvoorbeeld via "Afdrukken als PDF").',
  'document.embeddedFiles':
    'Deze PDF bevat ingesloten bestanden (bijlagen). Plaats een versie zonder bijlagen.',
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
  'steering.memberOwnRowOnly':
    'Als deelnemende gemeente wijzigt u alleen uw eigen rollen in deze regeling (de rij van {{space}}); de relatie, de rollen van de regeling zelf, de contactpersonen en de rijen van andere gemeenten wijzigt de regio.',
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
  'takeup.notRegional': 'Alleen een dienstverleningsovereenkomst van een regio heeft afname per gemeente.',
  'takeup.noCatalogue': 'Deze overeenkomst heeft geen diensten om af te nemen.',
  'takeup.unknownService': 'Module {{serviceId}} is geen dienst van deze overeenkomst.',
  'takeup.moduleDuplicate': 'Module {{serviceId}} staat er twee keer in.',
  'takeup.quantityNotPriced': 'Een dienst met een vaste prijs heeft geen aantal.',
  'takeup.quantityRequired': 'Vul het aantal in voor een dienst met een prijs per eenheid.',
  'takeup.basisRequired': 'Elke gemeente neemt het basispakket af.',
  'takeup.notMember': 'Deze gemeente doet niet mee in de regio.',
  'takeup.regionOnly': 'Alleen de regio legt de afname per gemeente vast.',
  'takeup.versionConflict': `De afname is intussen gewijzigd (versie {{version}}). ${CHANGED_NL}`,
  'takeup.changedMeanwhile': `Iemand anders heeft de afname intussen gewijzigd. ${CHANGED_NL}`,
  'usage.noTakeup': 'Deze gemeente neemt nog niets af: leg eerst de afname vast.',
  'usage.moduleNotTaken': 'De gemeente neemt module {{serviceId}} niet af.',
  'usage.quantityMissing': 'Vul het gemeten aantal in voor module {{serviceId}}.',
  'usage.versionConflict': `Het gebruik van deze maand is intussen gewijzigd (versie {{version}}). ${CHANGED_NL}`,
  'usage.changedMeanwhile': `Iemand anders heeft het gebruik intussen gewijzigd. ${CHANGED_NL}`,
  'realisation.notMember': 'Deze gemeente doet niet mee in de regio van deze overeenkomst.',
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
  'benchmark.notOptedIn':
    'Uw gemeente deelt geen cijfers met de regio. Een beheerder kan dat aanzetten bij Beheer; daarna ziet u de regionale benchmark.',
  'benchmark.optInMembersOnly':
    'Alleen een gemeente die lid is van een regio kan cijfers delen met die regio.',
  'benchmark.optedOut': 'Deze gemeente deelt intussen geen cijfers meer met de regio.',
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

/**
 * The English texts load with the English language (`reasons-en.ts`, see `loadLanguage` in index.ts), not in the
 * first load; until then a reason reads in Dutch.
 */
let enReasons: ReasonTexts | null = null;

/** Called once the English texts have loaded. */
export function setEnglishReasons(table: ReasonTexts): void {
  enReasons = table;
}

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
  const table = (f.language.startsWith('en') ? enReasons : null) ?? nlReasons;
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
