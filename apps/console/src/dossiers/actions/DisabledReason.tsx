import Tooltip from '@mui/material/Tooltip';
import type { ReactElement } from 'react';

/**
 * A disabled button with the reason in a tooltip. The wrapper keeps the tooltip reachable
 * (a disabled button gets no pointer or focus events) and gives the reason to screen readers.
 */
export function DisabledReason({ reason, children }: { reason: string | null; children: ReactElement }) {
  if (!reason) return children;
  return (
    <Tooltip title={reason} describeChild>
      <span tabIndex={0} aria-label={reason} style={{ display: 'inline-flex' }}>
        {children}
      </span>
    </Tooltip>
  );
}
