import type { Dossier } from '@em/contract';
import { parisDate } from '@em/domain';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { fullName } from '../format';
import { DeadlineField, LateChip } from './DeadlineField';
import { StatusChip } from './StatusChip';

function HeaderItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body1" component="div">
        {children}
      </Typography>
    </Box>
  );
}

/** CESEDA R432-1: four months of silence from the deposit; the clock stops while pieces are awaited (CRPA L114-5). */
export function ImplicitDecision({ record }: { record: Pick<Dossier, 'status' | 'implicit_decision_at'> }) {
  if (record.implicit_decision_at) return <>{parisDate(record.implicit_decision_at)}</>;
  return <>{record.status === 'complement_demande' ? 'Suspendue : pièces attendues' : '—'}</>;
}

export function DossierHeader({ record }: { record: Dossier }) {
  return (
    <Card variant="outlined">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 2 }}>
          <Typography variant="h5" component="h1">
            Dossier n° {record.numero}
          </Typography>
          <StatusChip status={record.status} size="medium" />
        </Box>
        <Typography variant="subtitle1" sx={{ mb: 2 }}>
          {fullName(record)}
        </Typography>
        <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
          <HeaderItem label="Agent">{record.assignee_name ?? 'Non affecté'}</HeaderItem>
          <HeaderItem label="Date de dépôt">{parisDate(record.deposited_at)}</HeaderItem>
          <HeaderItem label="Échéance">
            <DeadlineField record={record} />
          </HeaderItem>
          {record.answered_at ? (
            <HeaderItem label="Derniers compléments reçus">
              <Box component="span" sx={{ display: 'inline-flex', gap: 1, alignItems: 'center' }}>
                {parisDate(record.answered_at)} {record.answered_late ? <LateChip /> : null}
              </Box>
            </HeaderItem>
          ) : null}
          <HeaderItem label="Décision implicite">
            <ImplicitDecision record={record} />
          </HeaderItem>
          {record.status === 'cloturee_incomplete' ? (
            <HeaderItem label="Clôturé le">
              {parisDate(record.closed_at)}
              {record.closure_reason ? ` — ${record.closure_reason}` : ''}
            </HeaderItem>
          ) : null}
        </Box>
      </CardContent>
    </Card>
  );
}
