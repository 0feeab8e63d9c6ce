import type { Dossier } from '@em/contract';
import { parisDate } from '@em/domain';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { fullName } from '../format';
import { DeadlineField } from './DeadlineField';
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
        </Box>
      </CardContent>
    </Card>
  );
}
