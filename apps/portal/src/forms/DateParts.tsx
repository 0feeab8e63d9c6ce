import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type ReactNode, type Ref, useId } from 'react';

export const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

type Parts = { day: ReactNode; month: ReactNode; year: ReactNode };

/** The guide's dates: « Jour », « Mois », « Année » side by side under one legend, the message below them. */
export function DatePartsFieldset({
  legend,
  hint,
  error,
  day,
  month,
  year,
}: { legend: ReactNode; hint?: ReactNode; error?: string } & Parts) {
  const id = useId();
  return (
    <fieldset className={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`} aria-labelledby={`${id}-legende ${id}-message`}>
      <legend className="fr-fieldset__legend" id={`${id}-legende`}>
        {legend}
        {hint && <span className="fr-hint-text">{hint}</span>}
      </legend>
      <div className="fr-fieldset__element fr-fieldset__element--inline em-date-part">{day}</div>
      <div className="fr-fieldset__element fr-fieldset__element--inline em-date-part">{month}</div>
      <div className="fr-fieldset__element fr-fieldset__element--inline em-date-part">{year}</div>
      <div className="fr-messages-group" id={`${id}-message`} aria-live="polite">
        {error && <p className="fr-message fr-message--error">{error}</p>}
      </div>
    </fieldset>
  );
}

export function MonthOptions() {
  return (
    <>
      <option value="">—</option>
      {MONTHS.map((month, index) => (
        <option key={month} value={String(index + 1)}>
          {month}
        </option>
      ))}
    </>
  );
}

type IsoProps = { legend: ReactNode; error?: string; value: string; onChange: (value: string) => void; inputRef?: Ref<HTMLInputElement> };

/**
 * A whole date typed as the guide shows it, held as AAAA-MM-JJ for the schema (a date typed in
 * part stays as typed, and the schema says what is missing). No native date picker: its format
 * follows the browser's language, not the page's.
 */
export function IsoDateField({ legend, error, value, onChange, inputRef }: IsoProps) {
  const [year = '', month = '', day = ''] = value ? value.split('-') : [];
  const set = (next: { year?: string; month?: string; day?: string }) => {
    const y = next.year ?? year;
    const m = next.month ?? month;
    const d = next.day ?? day;
    const pad = (part: string) => (part.length === 1 ? `0${part}` : part);
    onChange(y || m || d ? `${y}-${pad(m)}-${pad(d)}` : '');
  };
  return (
    <DatePartsFieldset
      legend={legend}
      hint="Par exemple : 10 mars 2020"
      error={error}
      day={
        <Input
          label="Jour"
          nativeInputProps={{
            inputMode: 'numeric',
            maxLength: 2,
            value: day.replace(/^0(?=\d)/, ''),
            ref: inputRef,
            onChange: (e) => set({ day: e.target.value.trim() }),
          }}
        />
      }
      month={
        <Select
          label="Mois"
          nativeSelectProps={{ value: month ? String(Number(month)) : '', onChange: (e) => set({ month: e.target.value }) }}
        >
          <MonthOptions />
        </Select>
      }
      year={
        <Input
          label="Année"
          nativeInputProps={{ inputMode: 'numeric', maxLength: 4, value: year, onChange: (e) => set({ year: e.target.value.trim() }) }}
        />
      }
    />
  );
}
