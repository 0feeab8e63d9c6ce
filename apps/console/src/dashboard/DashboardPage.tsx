import { parisDateTime, type StaffRole } from '@em/domain';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { Title, useDataProvider, useGetList, usePermissions } from 'react-admin';
import type { ConsoleDataProvider } from '../dataProvider';
import { FigureCards } from './FigureCards';
import { WorkloadTable } from './WorkloadTable';

// The charts library weighs more than the rest of the dashboard: loaded when a supervisor opens it.
const StatisticsCharts = lazy(() => import('./StatisticsCharts').then((module) => ({ default: module.StatisticsCharts })));

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card variant="outlined" component="section" aria-label={title}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

/** The national admin looks at one préfecture or at all of them. */
function PrefecturePicker({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const { data } = useGetList('prefectures', { pagination: { page: 1, perPage: 200 }, sort: { field: 'code', order: 'ASC' } });
  return (
    <TextField select size="small" label="Préfecture" value={value} onChange={(e) => onChange(e.target.value)} sx={{ minWidth: 260 }}>
      <MenuItem value="">Toutes les préfectures</MenuItem>
      {(data ?? []).map((p) => (
        <MenuItem key={p.id} value={p.code}>
          {p.code} — {p.name}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** « Échéances »: what needs the supervisor now, each figure a link to its dossiers; then the workload and the statistics. */
export function DashboardPage() {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { permissions } = usePermissions<StaffRole>();
  const [prefecture, setPrefecture] = useState('');
  const query = useQuery({
    queryKey: ['supervision', 'dashboard', prefecture],
    queryFn: () => dataProvider.dashboard(prefecture || undefined).then((r) => r.data),
    refetchInterval: 60_000,
  });
  const dashboard = query.data;
  return (
    <Stack spacing={2} sx={{ py: 2 }}>
      <Title title="Échéances" />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          Échéances
        </Typography>
        {permissions === 'admin' ? <PrefecturePicker value={prefecture} onChange={setPrefecture} /> : null}
        {dashboard ? (
          <Typography variant="body2" color="text.secondary">
            Situation au {parisDateTime(dashboard.generated_at)}
          </Typography>
        ) : null}
      </Box>
      {query.isPending ? <LinearProgress aria-label="Chargement des échéances" /> : null}
      {query.error ? <Alert severity="error">{query.error.message}</Alert> : null}
      {dashboard ? (
        <>
          <FigureCards figures={dashboard.figures} now={new Date(dashboard.generated_at)} />
          <Section title="Charge des agents">
            <WorkloadTable dashboard={dashboard} />
          </Section>
        </>
      ) : null}
      <Section title="Statistiques">
        <Suspense fallback={<LinearProgress aria-label="Chargement des statistiques" />}>
          <StatisticsCharts prefectureCode={prefecture || undefined} />
        </Suspense>
      </Section>
    </Stack>
  );
}
