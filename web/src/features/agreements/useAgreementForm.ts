import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { type DefaultValues, get, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { focusSoon } from '../../lib/form';
import { type AppLocale, localeFor } from '../../lib/format';
import {
  decodeFieldError,
  type FieldError,
  type FieldErrors,
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
 * standard-schema resolver; `handleSubmit` hands over the API's input. Server refusals are kept apart
 * (`serverErrors`, by API path) and a field's own change clears its own; after a first attempt every change
 * checks the whole form again, so a rule across fields (end after start) follows the input.
 */
export function useAgreementForm<Values extends TermsValues, Output>(
  defaultValues: Values,
  validate: Validate<Values, Output>,
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
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const attempted = useRef(false);

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
        : t(`agreementForm.errors.${error.key}`)
      : error.text;
  const clientErrors = form.formState.errors;
  /** The message at a path: the client's check (it follows the input) before the server's. */
  const errorFor = (path: string): string | undefined => {
    // A list's own error (too many rows) sits at its `root`.
    const own: { message?: unknown; root?: { message?: unknown } } | undefined = get(clientErrors, path);
    const encoded = own?.message ?? own?.root?.message;
    if (typeof encoded === 'string' && encoded !== '') return message(decodeFieldError(encoded));
    const server = serverErrors[path];
    return server ? message(server) : undefined;
  };

  /** The form's submit: a failed check focuses the error summary; a valid one hands the API's input on. */
  const onSubmit = (onValid: (output: Output) => void) => (event: FormEvent<HTMLFormElement>) => {
    attempted.current = true;
    setServerErrors({});
    setFormError([]);
    void form.handleSubmit(onValid, () => focusSoon(() => summaryRef.current))(event);
  };

  return {
    form,
    locale,
    errorFor,
    serverErrors,
    setServerErrors,
    formError,
    setFormError,
    summaryRef,
    onSubmit,
  };
}
