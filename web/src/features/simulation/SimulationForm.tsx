import type { ExpectedVolumes, Simulation } from '@regie/core/browser';
import { Button, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../lib/form';
import { Fieldset } from '../../ui/Fieldset';
import { parseScenarios, parseVolume } from './model';

export const DEFAULT_SCENARIOS_TEXT = '-10; 0; 10; 25; 50';

/**
 * What the user sets: the scenarios (percent changes) and, per product line, the expected volume they start from
 * — prefilled with the simulator's default (the realisations' pace or a cap), which an uncapped line without
 * realisations does not have.
 */
export function SimulationForm({
  lines,
  onSubmit,
}: {
  lines: Simulation['lines'] | undefined;
  onSubmit: (scenarios: number[], volumes: ExpectedVolumes) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(DEFAULT_SCENARIOS_TEXT);
  const [volumes, setVolumes] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const volumeText = (line: Simulation['lines'][number]) =>
    volumes[line.lineId] ?? String(line.expectedVolume);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const scenarios = parseScenarios(text);
    if (!scenarios) found['simulation-scenarios'] = t('simulation.scenariosInvalid');
    const given: ExpectedVolumes = [];
    for (const line of lines ?? []) {
      if (volumes[line.lineId] === undefined) continue;
      const volume = parseVolume(volumes[line.lineId]!);
      if (volume === null) found[`simulation-volume-${line.lineId}`] = t('simulation.volumeInvalid');
      else given.push({ lineId: line.lineId, volume });
    }
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(first)?.focus();
      return;
    }
    onSubmit(scenarios!, given);
  }

  return (
    <form onSubmit={submit} noValidate data-testid="simulation-form">
      <Field
        id="simulation-scenarios"
        label={t('simulation.scenarios')}
        hint={t('simulation.scenariosHint')}
        error={errors['simulation-scenarios']}
      >
        {(props) => <Textbox {...props} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      {lines && lines.length > 0 ? (
        <Fieldset
          id="simulation-volumes"
          legend={t('simulation.volumesLegend')}
          hint={t('simulation.volumesHint')}
        >
          {lines.map((line) => {
            const id = `simulation-volume-${line.lineId}`;
            return (
              <Field
                key={line.lineId}
                id={id}
                label={t('simulation.volumeLabel', { code: line.productCode ?? line.lineId })}
                error={errors[id]}
              >
                {(props) => (
                  <Textbox
                    {...props}
                    inputMode="numeric"
                    value={volumeText(line)}
                    onChange={(e) => setVolumes((v) => ({ ...v, [line.lineId]: e.target.value }))}
                  />
                )}
              </Field>
            );
          })}
        </Fieldset>
      ) : null}
      <Button type="submit" appearance="secondary-action-button">
        {t('simulation.calculate')}
      </Button>
    </form>
  );
}
