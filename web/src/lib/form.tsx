import {
  Alert,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading2,
  Paragraph,
  Textbox,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { ReactNode, Ref } from 'react';

export function describedBy(...ids: (string | false | undefined | null)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list === '' ? undefined : list;
}

/** The props a field's input gets: its id, its hint and error tied to it, and whether it is invalid. */
export interface InputProps {
  id: string;
  'aria-describedby'?: string;
  invalid: boolean;
}

/** A labelled field with an optional hint and its error, both tied to the input with aria-describedby. */
export function Field({
  id,
  label,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error: string | undefined;
  className?: string;
  children: (props: InputProps) => ReactNode;
}) {
  return (
    <FormField
      className={className}
      invalid={error !== undefined}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={hint ? <FormFieldDescription id={`${id}-hint`}>{hint}</FormFieldDescription> : undefined}
      errorMessage={
        error ? <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage> : undefined
      }
      input={children({
        id,
        'aria-describedby': describedBy(hint && `${id}-hint`, error && `${id}-error`),
        invalid: error !== undefined,
      })}
    />
  );
}

/** What a one-line field built on `Field` takes: the field's own props, the value and what to do on a change. */
interface TextFieldProps {
  id: string;
  label: string;
  hint?: string;
  error: string | undefined;
  className?: string;
  name?: string;
  autoComplete?: string;
  value: string;
  onChange: (value: string) => void;
}

/** A labelled date input (`type="date"`, ISO value). */
export function DateField({ id, label, hint, error, className, value, onChange, ...input }: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      {(props) => (
        <Textbox {...props} {...input} type="date" value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

/** A labelled amount in euros, typed as text with a decimal keyboard (`inputMode="decimal"`). */
export function MoneyField({ id, label, hint, error, className, value, onChange, ...input }: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      {(props) => (
        <Textbox
          {...props}
          {...input}
          inputMode="decimal"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/**
 * The error summary above a form (NL Design System pattern): focused after a failed submit, each message a link
 * to its field. `general` holds messages about the form as a whole.
 */
export function ErrorSummary({
  title,
  general,
  fields,
  summaryRef,
}: {
  title: string;
  general: string[];
  fields: { id: string; text: string }[];
  summaryRef: Ref<HTMLDivElement>;
}) {
  if (general.length === 0 && fields.length === 0) return null;
  return (
    <div ref={summaryRef} tabIndex={-1} className="regie-error-summary">
      <Alert type="error">
        <Heading2 id="error-summary-title">{title}</Heading2>
        {general.map((text) => (
          <Paragraph key={text}>{text}</Paragraph>
        ))}
        {fields.length > 0 ? (
          <UnorderedList>
            {fields.map(({ id, text }) => (
              <UnorderedListItem key={id}>
                <a
                  className="utrecht-link"
                  href={`#${id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(id)?.focus();
                  }}
                >
                  {text}
                </a>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        ) : null}
      </Alert>
    </div>
  );
}

/**
 * Focus after React has rendered: the element may only exist once an asynchronous update (a server's answer) is
 * committed, so this tries again for a few frames.
 */
export function focusSoon(target: () => HTMLElement | null | undefined, frames = 10): void {
  requestAnimationFrame(() => {
    const element = target();
    if (element?.isConnected) element.focus();
    else if (frames > 0) focusSoon(target, frames - 1);
  });
}
