import { useState } from 'react';
import { StatusLine } from '../../ui/StatusLine';
import { DraftSimulation } from './DraftSimulation';
import { DutiesFields } from './DutiesFields';
import { Announcer, type OrganisationOptions } from './form-fields';
import { KpisFields } from './KpisFields';
import { PartiesFields } from './PartiesFields';
import { ProductLinesFields } from './ProductLinesFields';
import { TermsFields } from './TermsFields';

/**
 * The terms of an agreement: everything the create and edit forms share, one component per group of fields.
 * The fields read and write the surrounding react-hook-form (`FormProvider`) and their messages (`FieldMessages`);
 * the volume-incentive simulator under the product lines reads them and writes nothing.
 */
export function AgreementFormFields({
  organisations,
  agreementId,
}: {
  organisations: OrganisationOptions;
  /** The stored agreement being edited (the simulator reads its chosen relation type); none when creating. */
  agreementId?: string;
}) {
  const [announcement, setAnnouncement] = useState('');
  return (
    <Announcer value={setAnnouncement}>
      <TermsFields />
      <PartiesFields organisations={organisations} />
      <ProductLinesFields />
      <DraftSimulation agreementId={agreementId} />
      <DutiesFields />
      <KpisFields />
      <StatusLine hidden>{announcement}</StatusLine>
    </Announcer>
  );
}
