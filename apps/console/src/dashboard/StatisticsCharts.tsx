import type { Statistics } from '@em/contract';
import { calendarDayLabel, defaultStatisticsPeriod } from '@em/domain';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { ChartsLocalizationProvider } from '@mui/x-charts/ChartsLocalizationProvider';
import { LineChart } from '@mui/x-charts/LineChart';
import { frFRLocalText } from '@mui/x-charts/locales';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from '../dataProvider';
import { compactCount, count } from '../format';

const weekCount = (value: number | null) => (value === null ? '—' : count(value));
const days = (value: number | null) => (value === null ? '—' : `${value.toLocaleString('fr-FR')} j`);
const weekLabel = (weekStart: string) => `sem. du ${calendarDayLabel(weekStart).slice(0, 5)}`;

function Charts({ statistics }: { statistics: Statistics }) {
  const weeks = statistics.weeks.map((week) => weekLabel(week.week_start));
  const { time_to_complete: overall } = statistics;
  return (
    <ChartsLocalizationProvider localeText={frFRLocalText}>
      <Typography variant="subtitle1" component="h3">
        Dépôts et décisions par semaine
      </Typography>
      <BarChart
        height={280}
        xAxis={[{ scaleType: 'band', data: weeks }]}
        yAxis={[{ valueFormatter: compactCount }]}
        series={[
          { data: statistics.weeks.map((w) => w.deposits), label: 'Dépôts', valueFormatter: weekCount },
          { data: statistics.weeks.map((w) => w.completed), label: 'Déclarés complets', valueFormatter: weekCount },
          { data: statistics.weeks.map((w) => w.closed), label: 'Clôturés (incomplets)', valueFormatter: weekCount },
        ]}
      />
      <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
        Délai du dépôt au dossier complet
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        Sur la période : {count(overall.count)} dossier{overall.count > 1 ? 's' : ''} déclaré{overall.count > 1 ? 's' : ''} complet
        {overall.count > 1 ? 's' : ''} — médiane {days(overall.median_days)}, 90ᵉ centile {days(overall.p90_days)}.
      </Typography>
      <LineChart
        height={260}
        xAxis={[{ scaleType: 'point', data: weeks }]}
        yAxis={[{ label: 'jours' }]}
        series={[
          { data: statistics.weeks.map((w) => w.median_days), label: 'Médiane', connectNulls: true, showMark: true, valueFormatter: days },
          { data: statistics.weeks.map((w) => w.p90_days), label: '90ᵉ centile', connectNulls: true, showMark: true, valueFormatter: days },
        ]}
      />
    </ChartsLocalizationProvider>
  );
}

/** Statistics over a period the supervisor chooses (Paris days, inclusive). */
export function StatisticsCharts({ prefectureCode }: { prefectureCode?: string }) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [period, setPeriod] = useState(() => defaultStatisticsPeriod(new Date()));
  const query = useQuery({
    queryKey: ['supervision', 'statistics', period.from, period.to, prefectureCode],
    queryFn: () => dataProvider.statistics(period.from, period.to, prefectureCode).then((r) => r.data),
    enabled: Boolean(period.from && period.to),
  });
  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <TextField
          type="date"
          label="Du"
          value={period.from}
          onChange={(event) => setPeriod((p) => ({ ...p, from: event.target.value }))}
          slotProps={{ inputLabel: { shrink: true } }}
          size="small"
          sx={{ width: 190 }}
        />
        <TextField
          type="date"
          label="Au"
          value={period.to}
          onChange={(event) => setPeriod((p) => ({ ...p, to: event.target.value }))}
          slotProps={{ inputLabel: { shrink: true } }}
          size="small"
          sx={{ width: 190 }}
        />
      </Box>
      {query.error ? <Alert severity="error">{query.error.message}</Alert> : null}
      {query.data ? <Charts statistics={query.data} /> : null}
    </Stack>
  );
}
