import Tooltip from '@mui/material/Tooltip';
import type { ReactElement } from 'react';

/**
 * A disabled button with the reason in a tooltip. The wrapper keeps the tooltip reachable
 * (a disabled button gets no pointer or focus events) and MUI's Tooltip labels it with the reason for screen readers.
 */
export function DisabledReason({ reason, children }: { reason: string | null; children: ReactElement }) {
  if (!reason) return children;
  return (
    <Tooltip title={reason}>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a disabled button takes no focus; the wrapper lets keyboard users reach the reason */}
      <span tabIndex={0} style={{ display: 'inline-flex' }}>
        {children}
      </span>
    </Tooltip>
  );
}
