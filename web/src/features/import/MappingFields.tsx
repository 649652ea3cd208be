import { type ColumnMapping, IMPORT_COLUMNS, type ImportField } from '@regie/core/browser';
import { Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../lib/form';

export const mappingInputId = (field: ImportField) => `import-map-${field}`;

/** "Kolommen koppelen": a select per field with the file's columns, pre-filled by the guess; required marked. */
export function MappingFields({
  headers,
  mapping,
  errors,
  onChange,
}: {
  headers: readonly string[];
  mapping: ColumnMapping;
  errors: Partial<Record<string, string>>;
  onChange: (mapping: ColumnMapping) => void;
}) {
  const { t } = useTranslation();
  const set = (field: ImportField, value: string) => {
    const next = { ...mapping };
    if (value === '') delete next[field];
    else next[field] = Number(value);
    onChange(next);
  };
  return (
    <>
      <Paragraph>{t('registerImport.mappingIntro')}</Paragraph>
      <div className="regie-import-mapping">
        {IMPORT_COLUMNS.map((column) => {
          const label = t(`registerImport.fieldNames.${column.field}`);
          return (
            <Field
              key={column.field}
              id={mappingInputId(column.field)}
              label={column.required ? t('registerImport.required', { label }) : label}
              error={errors[column.field]}
            >
              {(props) => (
                <Select
                  {...props}
                  required={column.required}
                  value={mapping[column.field] === undefined ? '' : String(mapping[column.field])}
                  onChange={(event) => set(column.field, event.target.value)}
                >
                  <SelectOption value="">{t('registerImport.noColumn')}</SelectOption>
                  {headers.map((header, index) => (
                    // Columns are told apart by position: two may carry the same header.
                    // biome-ignore lint/suspicious/noArrayIndexKey: the index is the column's identity here
                    <SelectOption key={index} value={String(index)}>
                      {header || `#${index + 1}`}
                    </SelectOption>
                  ))}
                </Select>
              )}
            </Field>
          );
        })}
      </div>
    </>
  );
}
