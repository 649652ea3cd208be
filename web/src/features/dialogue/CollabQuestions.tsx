import { COLLAB_QUESTIONS } from '@regie/core/browser';
import { FormField, FormLabel, RadioButton } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Fieldset } from '../../ui/Fieldset';
import type { AnswerValues } from './model';

const SCALE = ['1', '2', '3', '4', '5'] as const;

/**
 * The four collaboration questions (openheid, nakomen van afspraken, tijdige informatie, wederzijds begrip), each
 * a group of native radio buttons 1–5 whose legend is the question, inside one group that carries the error. The
 * outer group's id is where the error summary sends focus.
 */
export function CollabQuestions({
  id,
  values,
  onChange,
  error,
  optional,
}: {
  id: string;
  values: AnswerValues;
  onChange: (values: AnswerValues) => void;
  error?: string;
  optional: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset
      id={id}
      legend={t('collaboration.questionsLegend')}
      hint={optional ? t('collaboration.questionsOptionalHint') : t('collaboration.questionsHint')}
      error={error}
      className="regie-collab-questions"
    >
      {COLLAB_QUESTIONS.map((q) => (
        <Fieldset
          key={q}
          id={`${id}-${q}`}
          legend={t(`collaboration.questions.${q}`)}
          className="regie-radio-group regie-radio-group--inline"
        >
          {SCALE.map((n) => {
            const inputId = `${id}-${q}-${n}`;
            return (
              <FormField
                key={n}
                type="radio"
                className="regie-choice"
                label={
                  <FormLabel htmlFor={inputId} type="radio" checked={values[q] === n}>
                    {t(`collaboration.scale.${n}`)}
                  </FormLabel>
                }
                input={
                  <RadioButton
                    id={inputId}
                    name={`${id}-${q}`}
                    value={n}
                    checked={values[q] === n}
                    invalid={error !== undefined}
                    onChange={() => onChange({ ...values, [q]: n })}
                  />
                }
              />
            );
          })}
        </Fieldset>
      ))}
    </Fieldset>
  );
}
