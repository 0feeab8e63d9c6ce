import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/**
 * A titled card; `id` lets the heading name the region for assistive technologies. Not clipped
 * (MUI cards are `overflow: hidden`), so that sticky content inside, like the file viewer, sticks.
 */
export function Section({ id, title, children, action }: { id: string; title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Card component="section" aria-labelledby={`${id}-title`} variant="outlined" sx={{ height: '100%', minWidth: 0, overflow: 'visible' }}>
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 2, mb: 1.5 }}>
          <Typography id={`${id}-title`} variant="h6" component="h2" sx={{ scrollMarginTop: 120 }}>
            {title}
          </Typography>
          {action}
        </Box>
        {children}
      </CardContent>
    </Card>
  );
}

export type InfoRow = { label: string; value: ReactNode; hidden?: boolean };

const isEmpty = (value: ReactNode) => value === null || value === undefined || value === '';

/** Label / value pairs as a description list. */
export function InfoList({ rows }: { rows: InfoRow[] }) {
  return (
    <Box
      component="dl"
      sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'minmax(10rem, 40%) 1fr' }, columnGap: 2, rowGap: 1, m: 0 }}
    >
      {rows
        .filter((row) => !row.hidden)
        .map((row) => (
          <Box key={row.label} sx={{ display: 'contents' }}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {row.label}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
              {isEmpty(row.value) ? '—' : row.value}
            </Typography>
          </Box>
        ))}
    </Box>
  );
}
