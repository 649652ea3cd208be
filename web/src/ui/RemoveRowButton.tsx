import { Button } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Hidden } from './Fieldset';

/**
 * The remove button of a row in a field array (parties, product lines, duties, KPIs, contacts, ladder steps,
 * report figures): "Verwijderen", with the row's name for screen readers so each button says which row it removes.
 */
export function RemoveRowButton({
  row,
  onClick,
  disabled,
}: {
  /** The row's name, e.g. its legend ("Partij 2"), read out after the visible text. */
  row: ReactNode;
  onClick: () => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Button appearance="subtle-button" className="regie-row-remove" disabled={disabled} onClick={onClick}>
      {t('ui.removeRow')}
      <Hidden> {row}</Hidden>
    </Button>
  );
}
