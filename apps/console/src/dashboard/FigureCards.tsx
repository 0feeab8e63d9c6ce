import type { DashboardFigure } from '@em/contract';
import { elapsedDays, parisDate } from '@em/domain';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { Link } from 'react-admin';
import { count } from '../format';
import { dossierListPath } from './dossierListPath';

/** Figures that call for action when they are not zero. */
const URGENT = new Set(['to_close', 'undelivered', 'implicit_decision_soon']);

function since(figure: DashboardFigure, now: Date): string | null {
  if (!figure.since) return null;
  const date = new Date(figure.since);
  const days = date < now ? elapsedDays(date, now) : null;
  return `${parisDate(figure.since)}${days ? ` (il y a ${days} jour${days > 1 ? 's' : ''})` : ''}`;
}

/** Each figure is a link to the dossier list it counts, oldest first. */
export function FigureCards({ figures, now }: { figures: DashboardFigure[]; now: Date }) {
  return (
    <Grid container spacing={2} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label="Échéances">
      {figures.map((figure) => {
        const urgent = URGENT.has(figure.key) && figure.count > 0;
        return (
          <Grid key={figure.key} size={{ xs: 12, sm: 6, lg: 4 }} component="li">
            <Card variant="outlined" sx={{ height: '100%', borderColor: urgent ? 'error.main' : undefined }}>
              <CardActionArea
                component={Link}
                to={dossierListPath(figure.filter, figure.sort)}
                aria-label={`${figure.label} : ${count(figure.count)}`}
                sx={{ height: '100%', alignItems: 'flex-start' }}
              >
                <CardContent>
                  <Typography variant="h3" component="p" color={urgent ? 'error' : 'primary'} sx={{ fontWeight: 700 }}>
                    {count(figure.count)}
                  </Typography>
                  <Typography variant="h6" component="h2" gutterBottom>
                    {figure.label}
                  </Typography>
                  <Typography variant="body2" color="text.secondary">
                    {figure.detail} {since(figure, now) ?? '—'}
                  </Typography>
                </CardContent>
              </CardActionArea>
            </Card>
          </Grid>
        );
      })}
    </Grid>
  );
}
