import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on small screens instead of widening the page; focusable and
 * named, so that a keyboard user can scroll it too (WCAG 2.1.1).
 */
export function HorizontalScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} sx={{ overflowX: 'auto', width: 0, minWidth: '100%' }}>
      {children}
    </Box>
  );
}
