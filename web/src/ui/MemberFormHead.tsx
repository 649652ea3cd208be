import { Select, SelectOption } from '@utrecht/component-library-react';
import { ErrorSummary, Field } from '../lib/form';
import type { MutationErrorState } from '../lib/mutation-error';

/**
 * The top of a region's form about one of its members (take-up, usage): the heading the form is labelled by
 * (`<prefix>-heading`), the error summary (the server's refusal and the fields' errors) and the member chosen.
 */
export function MemberFormHead({
  prefix,
  title,
  errorTitle,
  memberLabel,
  failed,
  errors,
  members,
  member,
  onMember,
}: {
  prefix: string;
  title: string;
  errorTitle: string;
  memberLabel: string;
  failed: Pick<MutationErrorState, 'summary' | 'summaryRef'>;
  /** Field id → message. */
  errors: Record<string, string>;
  members: readonly { member: string; name: string }[];
  member: string;
  onMember: (member: string) => void;
}) {
  return (
    <>
      <h3 className="regie-subheading" id={`${prefix}-heading`}>
        {title}
      </h3>
      <ErrorSummary
        title={errorTitle}
        general={failed.summary ? [failed.summary] : []}
        fields={Object.entries(errors).map(([id, text]) => ({ id, text }))}
        summaryRef={failed.summaryRef}
      />
      <Field id={`${prefix}-member`} label={memberLabel} error={undefined}>
        {(props) => (
          <Select {...props} value={member} onChange={(e) => onMember(e.target.value)}>
            {members.map((r) => (
              <SelectOption key={r.member} value={r.member}>
                {r.name}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
    </>
  );
}
