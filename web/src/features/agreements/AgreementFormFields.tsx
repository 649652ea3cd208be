import { SERVICE_CATALOGUE_KINDS } from '@regie/core/browser';
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { StatusLine } from '../../ui/StatusLine';
import type { TermsValues } from './agreement-values';
import { DraftSimulation } from './DraftSimulation';
import { DutiesFields } from './DutiesFields';
import { Announcer, type OrganisationOptions } from './form-fields';
import { KpisFields } from './KpisFields';
import { PartiesFields } from './PartiesFields';
import { ProductLinesFields } from './ProductLinesFields';
import { ServicesFields } from './ServicesFields';
import { TermsFields } from './TermsFields';

/**
 * The terms of an agreement: everything the create and edit forms share, one component per group of fields.
 * The fields read and write the surrounding react-hook-form (`FormProvider`) and their messages (`FieldMessages`);
 * the volume-incentive simulator under the product lines reads them and writes nothing.
 */
export function AgreementFormFields({
  organisations,
  kind,
  agreementId,
}: {
  organisations: OrganisationOptions;
  /** The agreement's kind: a service agreement has a service catalogue (SPEC §3.4). */
  kind: string;
  /** The stored agreement being edited (the simulator reads its chosen relation type); none when creating. */
  agreementId?: string;
}) {
  const [announcement, setAnnouncement] = useState('');
  const { control } = useFormContext<TermsValues>();
  const services = useWatch({ control, name: 'services' });
  // Services typed before the kind changed stay visible, with their error, until removed.
  const showServices = SERVICE_CATALOGUE_KINDS.includes(kind) || (services?.length ?? 0) > 0;
  return (
    <Announcer value={setAnnouncement}>
      <TermsFields />
      <PartiesFields organisations={organisations} />
      <ProductLinesFields />
      <DraftSimulation agreementId={agreementId} />
      <DutiesFields />
      <KpisFields />
      {showServices ? <ServicesFields /> : null}
      <StatusLine hidden>{announcement}</StatusLine>
    </Announcer>
  );
}
