import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { type DefaultValues, get, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import '../../i18n/spec-edit-load';
import { isSpecErrorKey } from '../../i18n/spec-edit';
import type { MutationErrorOptions } from '../../lib/describe-error';
import { errorIssues } from '../../lib/errors';
import { focusSoon } from '../../lib/form';
import { type AppLocale, localeFor } from '../../lib/format';
import { useMutationError } from '../../lib/mutation-error';
import {
  decodeFieldError,
  type FieldError,
  type FieldErrors,
  fieldFor,
  formSchema,
  withoutStale,
} from './agreement-form';
import type { TermsValues } from './agreement-values';

type Validate<Values, Output> = (
  values: Values,
  locale: AppLocale,
) => { ok: true; output: Output } | { ok: false; errors: FieldErrors };

/**
 * react-hook-form for the agreement form, validated by core's schemas (`agreement-form.ts`) through the
 * standard-schema resolver; the submit hands over the API's input. A refusal of the server goes through the app's
 * one mutation-error hook (reason keys in the user's language): its field errors are kept apart, by API path, and
 * a field's own change clears its own. After a first attempt every change checks the whole form again, so a rule
 * across fields (end after start) follows the input.
 */
export function useAgreementForm<Values extends TermsValues, Output>(
  defaultValues: Values,
  validate: Validate<Values, Output>,
  /** The field paths the form shows, in order (`fieldOrder`); server issues go to the deepest of them. */
  order: (values: Values) => string[],
  messages: MutationErrorOptions['messages'] & { onConflict?: () => void },
) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  // The resolver is made once; what it checks with (the language, the owner) is read when it runs.
  const latest = useRef({ validate, locale });
  latest.current = { validate, locale };
  const resolver = useMemo(
    () =>
      standardSchemaResolver<Values, unknown, Output>(
        formSchema<Values, Output>((values) => latest.current.validate(values, latest.current.locale)),
      ),
    [],
  );
  const form = useForm<Values, unknown, Output>({
    defaultValues: defaultValues as DefaultValues<Values>,
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
  });
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [showGeneral, setShowGeneral] = useState(false);
  const attempted = useRef(false);
  const { onConflict, ...kindMessages } = messages;
  const failure = useMutationError({
    fieldOf: (path) => fieldFor(path, order(form.getValues())),
    messages: kindMessages,
    onConflict,
    onFailure: (described) => setServerErrors(described.fieldErrors),
  });

  useEffect(() => {
    const subscription = form.watch((_, { name }) => {
      if (name) setServerErrors((previous) => withoutStale(previous, name));
      if (attempted.current) void form.trigger();
    });
    return () => subscription.unsubscribe();
  }, [form]);

  const message = (error: FieldError): string =>
    'key' in error
      ? error.key === 'categoryRange'
        ? t('agreementForm.errors.categoryRange', { range: error.values?.range ?? '' })
        : isSpecErrorKey(error.key)
          ? t(`specEdit.errors.${error.key}`)
          : t(`agreementForm.errors.${error.key}`)
      : error.text;
  const clientErrors = form.formState.errors;
  /** The message at a path: the client's check (it follows the input) before the server's. */
  const errorFor = (path: string): string | undefined => {
    // A list's own error (too many rows) sits at its `root`.
    const own: { message?: unknown; root?: { message?: unknown } } | undefined = get(clientErrors, path);
    const encoded = own?.message ?? own?.root?.message;
    if (typeof encoded === 'string' && encoded !== '') return message(decodeFieldError(encoded));
    return serverErrors[path];
  };

  /** A failed mutation: field errors at their fields; the general message only for what no field says. */
  const onError = (error: unknown) => {
    const fields = order(form.getValues());
    const unplaced = errorIssues(error).some(
      (issue) => !fieldFor(issue.path.replace(/^data(\.|$)/, ''), fields),
    );
    const placed = errorIssues(error).length > 0;
    setShowGeneral(unplaced || !placed);
    failure.onError(error);
  };

  /** The form's submit: a failed check focuses the error summary; a valid one hands the API's input on. */
  const onSubmit = (onValid: (output: Output) => void) => (event: FormEvent<HTMLFormElement>) => {
    attempted.current = true;
    setServerErrors({});
    failure.reset();
    void form.handleSubmit(onValid, () => focusSoon(() => failure.summaryRef.current))(event);
  };

  return {
    form,
    errorFor,
    /** The general message above the form (the error summary's first line), if any. */
    general: failure.summary && showGeneral ? [failure.summary] : [],
    failure,
    onError,
    summaryRef: failure.summaryRef,
    onSubmit,
  };
}
