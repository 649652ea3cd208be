import { useTranslation } from 'react-i18next';
import { formatNumber, localeFor } from '../../lib/format';
import { StatusLine } from '../../ui/StatusLine';

/** A labelled `<progress>` over the rows, and the same as words ("Rij 300 van 1.000") in a live status line. */
export function ImportProgress({
  id,
  label,
  done,
  total,
  text,
}: {
  id: string;
  label: string;
  done: number;
  total: number;
  /** The words for the rows done, e.g. `registerImport.progress` filled in. */
  text: (done: string, total: string) => string;
}) {
  const { i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const words = text(formatNumber(done, locale), formatNumber(total, locale));
  return (
    <div className="regie-import-progress">
      <label htmlFor={id}>{label}</label>
      <progress id={id} max={Math.max(total, 1)} value={done} aria-valuetext={words} />
      <StatusLine testId={`${id}-text`}>{words}</StatusLine>
    </div>
  );
}
