import { parisDate } from '@em/domain';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useListContext } from 'react-admin';

/** Filters the tabs and the search box do not show, set by a link of « Échéances »: said in words, removable. */
const DESCRIBE: Record<string, (value: unknown, filter: Record<string, unknown>) => string> = {
  deadline_gte: (v, filter) =>
    filter.deadline_lte
      ? `échéance entre le ${parisDate(String(v))} et le ${parisDate(String(filter.deadline_lte))}`
      : `échéance à partir du ${parisDate(String(v))}`,
  complement_email: (v) =>
    v === 'sent' ? 'demande remise à l’usager' : v === 'undelivered' ? 'demande non remise (échec ou rejet)' : 'demande en attente d’envoi',
  deposited_lte: (v) => `déposés au plus tard le ${parisDate(String(v))}`,
  deposited_gte: (v) => `déposés à partir du ${parisDate(String(v))}`,
  implicit_decision_lte: (v) => `décision implicite au plus tard le ${parisDate(String(v))}`,
};

export const SUMMARIZED_FILTER_KEYS = Object.keys(DESCRIBE);

export function FilterSummary() {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const keys = SUMMARIZED_FILTER_KEYS.filter((key) => filterValues[key] !== undefined);
  if (keys.length === 0) return null;
  // The dashboard's deadline window goes with it; the « Délai dépassé » tab sets deadline_lte alone.
  const owned = filterValues.deadline_gte !== undefined ? [...keys, 'deadline_lte'] : keys;
  const clear = () =>
    setFilters(Object.fromEntries(Object.entries(filterValues).filter(([key]) => !owned.includes(key))), displayedFilters);
  return (
    <Alert
      severity="info"
      sx={{ mx: 2, my: 1 }}
      action={
        <Button color="inherit" size="small" onClick={clear}>
          Retirer ce filtre
        </Button>
      }
    >
      Liste filtrée : {keys.map((key) => DESCRIBE[key]!(filterValues[key], filterValues)).join(', ')}.
    </Alert>
  );
}
