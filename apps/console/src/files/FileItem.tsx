import type { StoredFile } from '@em/contract';
import { calendarDayLabel, fileTypeLabel, formatFileSize, parisDateTime, RECEIPT_CHANNEL_LABELS } from '@em/domain';
import DescriptionIcon from '@mui/icons-material/Description';
import ImageIcon from '@mui/icons-material/Image';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import { viewerKind } from './fileTypes';

/** One file of a piece: name, type, size, upload date; a click shows it in the viewer. */
export function FileItem({ file, selected, onSelect }: { file: StoredFile; selected: boolean; onSelect: (file: StoredFile) => void }) {
  const by = file.uploaded_by === 'agent' ? ' par un agent' : '';
  const received = file.received_via ? `${RECEIPT_CHANNEL_LABELS[file.received_via]} le ${calendarDayLabel(file.received_on)}` : null;
  return (
    <ListItem disablePadding>
      <ListItemButton selected={selected} onClick={() => onSelect(file)} aria-current={selected ? 'true' : undefined} dense>
        <ListItemIcon sx={{ minWidth: 36 }}>
          {viewerKind(file.detected_type) === 'image' ? <ImageIcon fontSize="small" /> : <DescriptionIcon fontSize="small" />}
        </ListItemIcon>
        <ListItemText
          primary={file.original_name}
          slotProps={{ primary: { sx: { overflowWrap: 'anywhere' } }, secondary: { component: 'div' } }}
          secondary={
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
              <span>
                {fileTypeLabel(file.detected_type)} · {formatFileSize(file.size)} · déposé le {parisDateTime(file.uploaded_at)}
                {by}
              </span>
              {received ? <Chip size="small" color="info" variant="outlined" label={received} /> : null}
              {file.late ? <Chip size="small" color="warning" variant="outlined" label="déposé hors délai" /> : null}
            </Box>
          }
        />
      </ListItemButton>
    </ListItem>
  );
}
