import type { Dossier, DossierEvent } from '@em/contract';
import { ACTOR_ROLE_LABELS, EVENT_ACTION_LABELS, parisDateTime } from '@em/domain';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useGetManyReference } from 'react-admin';
import { Section } from '../layout/Section';
import { eventReasonText, eventValueLabel } from './eventLabels';

function Transition({ before, after }: { before: string | null; after: string | null }) {
  const from = eventValueLabel(before);
  const to = eventValueLabel(after);
  if (!from && !to) return null;
  return (
    <Typography variant="body2" component="div" sx={{ display: 'flex', alignItems: 'center', gap: 0.5, flexWrap: 'wrap' }}>
      <span>{from ?? '—'}</span>
      <ArrowForwardIcon fontSize="inherit" aria-label="devient" />
      <strong>{to ?? '—'}</strong>
    </Typography>
  );
}

function TimelineItem({ event, last }: { event: DossierEvent; last: boolean }) {
  const role = ACTOR_ROLE_LABELS[event.actor_role];
  return (
    <Box component="li" sx={{ display: 'flex', gap: 2, listStyle: 'none' }}>
      <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', pt: 0.75 }} aria-hidden>
        <Box sx={{ width: 12, height: 12, borderRadius: '50%', bgcolor: 'primary.main', flexShrink: 0 }} />
        {!last ? <Box sx={{ width: 2, flex: 1, bgcolor: 'divider', mt: 0.5 }} /> : null}
      </Box>
      <Box sx={{ pb: last ? 0 : 2.5, minWidth: 0 }}>
        <Typography variant="caption" color="text.secondary" component="div">
          <time dateTime={event.at}>{parisDateTime(event.at)}</time>
          {' · '}
          {event.actor_label}
          {role && role.toLowerCase() !== event.actor_label.toLowerCase() ? ` (${role})` : ''}
        </Typography>
        <Typography variant="body1" component="div" sx={{ fontWeight: 500 }}>
          {EVENT_ACTION_LABELS[event.action]}
        </Typography>
        <Transition before={event.before} after={event.after} />
        {event.reason ? (
          <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {eventReasonText(event.reason)}
          </Typography>
        ) : null}
      </Box>
    </Box>
  );
}

/** « Historique »: the append-only events of the dossier, oldest first. */
export function EventTimeline({ record }: { record: Dossier }) {
  const { data, isPending, error } = useGetManyReference<DossierEvent>('events', {
    target: 'dossier_id',
    id: record.id,
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'at', order: 'ASC' },
  });
  const events = data ?? [];
  return (
    <Section id="historique" title="Historique">
      {isPending ? <LinearProgress /> : null}
      {error ? <Alert severity="error">{error.message || "Impossible de charger l'historique."}</Alert> : null}
      {!isPending && !error && events.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          Aucun événement.
        </Typography>
      ) : null}
      <Box component="ol" sx={{ m: 0, p: 0 }} aria-label="Historique du dossier">
        {events.map((event, index) => (
          <TimelineItem key={event.id} event={event} last={index === events.length - 1} />
        ))}
      </Box>
    </Section>
  );
}
