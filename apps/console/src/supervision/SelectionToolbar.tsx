import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useListContext } from 'react-admin';
import { AssignButton } from './AssignButton';
import { BulkCloseButton } from './BulkCloseButton';

/**
 * The supervisor's actions on the selected dossiers. In the flow of the page rather than floating
 * over the table header (react-admin's default), which the list's horizontal scroll box would clip.
 */
export function SelectionToolbar() {
  const { selectedIds, onUnselectItems } = useListContext();
  if (selectedIds.length === 0) return null;
  return (
    <Box
      role="toolbar"
      aria-label="Actions sur la sélection"
      sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', px: 2, py: 1, bgcolor: 'action.selected' }}
    >
      <Typography variant="body2" sx={{ mr: 'auto' }}>
        {selectedIds.length} dossier{selectedIds.length > 1 ? 's' : ''} sélectionné{selectedIds.length > 1 ? 's' : ''}
      </Typography>
      <AssignButton />
      <BulkCloseButton />
      <Button size="small" onClick={() => onUnselectItems()}>
        Désélectionner
      </Button>
    </Box>
  );
}
