import type { Dossier } from '@em/contract';
import { calendarDayLabel, SEX_LABELS } from '@em/domain';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { birthDate } from '../format';

const join = (values: (string | null | undefined)[], separator = ' ') => values.filter((value) => value?.trim()).join(separator);

/**
 * What the applicant declared, kept beside the file viewer so that a passport or a birth
 * certificate is compared with it without scrolling back up.
 */
export function DeclaredSummary({ record }: { record: Dossier }) {
  const rows: [string, string][] = [
    ['Nom de naissance', record.birth_name],
    ['Nom d’usage', record.usage_name ?? ''],
    ['Prénom(s)', join(record.first_names ?? [], ', ')],
    ['Sexe', record.sex ? SEX_LABELS[record.sex] : ''],
    ['Né(e) le', birthDate(record.birth_day, record.birth_month, record.birth_year)],
    ['À', join([record.birth_place, record.birth_country ? `(${record.birth_country})` : ''])],
    ['Nationalité(s)', join(record.nationalities ?? [], ', ')],
    [
      'Adresse',
      join(
        [
          join([record.address_number, record.address_street]),
          record.address_complement,
          join([record.postal_code, record.city]),
          record.country,
        ],
        ', ',
      ),
    ],
    ['Entrée en France', calendarDayLabel(record.entry_date)],
  ];
  return (
    <Paper variant="outlined" component="aside" aria-labelledby="declared-summary-title" sx={{ p: 1.5, bgcolor: 'grey.50' }}>
      <Typography id="declared-summary-title" variant="overline" component="h3" color="text.secondary" sx={{ lineHeight: 1.5 }}>
        Déclaré par l’usager
      </Typography>
      <Box
        component="dl"
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr', md: 'max-content 1fr max-content 1fr' },
          columnGap: 1.5,
          rowGap: 0.25,
          m: 0,
          mt: 0.5,
        }}
      >
        {rows
          .filter(([, value]) => value && value !== '—')
          .map(([label, value]) => (
            <Box key={label} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" color="text.secondary">
                {label}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0, fontWeight: 500, overflowWrap: 'anywhere' }}>
                {value}
              </Typography>
            </Box>
          ))}
      </Box>
    </Paper>
  );
}
