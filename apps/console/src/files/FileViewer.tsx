import type { StoredFile } from '@em/contract';
import { fileTypeLabel } from '@em/domain';
import CloseIcon from '@mui/icons-material/Close';
import DownloadIcon from '@mui/icons-material/Download';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { fileUrl, viewerKind } from './fileTypes';

export const FILE_VIEWER_ID = 'file-viewer';

/** On wide screens the viewer shares a sticky column with the applicant's declarations: it fits the window. */
const VIEWER_HEIGHT = { xs: '75vh', lg: 'calc(100vh - 400px)' };

function ViewerBody({ file, url }: { file: StoredFile; url: string }) {
  switch (viewerKind(file.detected_type)) {
    case 'pdf':
      return (
        <Box
          component="iframe"
          // Page fitted to the frame's width, without the thumbnails pane (Chromium's and Firefox's viewers read these).
          src={`${url}#view=FitH&navpanes=0`}
          title={file.original_name}
          sx={{
            width: '100%',
            height: VIEWER_HEIGHT,
            minHeight: 360,
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            bgcolor: 'grey.100',
          }}
        />
      );
    case 'image':
      return (
        <Box
          sx={{ overflow: 'auto', maxHeight: VIEWER_HEIGHT, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'grey.100', p: 1 }}
        >
          <Box component="img" src={url} alt={file.original_name} sx={{ display: 'block', maxWidth: '100%', mx: 'auto' }} />
        </Box>
      );
    case 'download':
      return (
        <Alert
          severity="info"
          action={
            <Button color="inherit" size="small" href={url} download={file.original_name} startIcon={<DownloadIcon />}>
              Télécharger
            </Button>
          }
        >
          Le navigateur ne peut pas afficher ce type de fichier ({fileTypeLabel(file.detected_type)}). Téléchargez « {file.original_name} »
          pour le consulter.
        </Alert>
      );
  }
}

/** The selected file, shown in the page (PDF in a frame, images inline, TIFF to download). */
export function FileViewer({ file, onClose }: { file: StoredFile | null; onClose: () => void }) {
  if (!file) {
    return (
      <Paper id={FILE_VIEWER_ID} variant="outlined" sx={{ p: 3, textAlign: 'center', color: 'text.secondary' }}>
        <Typography variant="body2">Sélectionnez un fichier pour l'afficher ici.</Typography>
      </Paper>
    );
  }
  const url = fileUrl(file);
  return (
    <Paper id={FILE_VIEWER_ID} variant="outlined" component="section" aria-label={`Aperçu du fichier ${file.original_name}`} sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1.5 }}>
        <Typography variant="subtitle1" component="h3" sx={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
          {file.original_name}
        </Typography>
        {viewerKind(file.detected_type) !== 'download' ? (
          <>
            <Button size="small" href={url} target="_blank" rel="noopener" startIcon={<OpenInNewIcon />}>
              Ouvrir
            </Button>
            <Button size="small" href={url} download={file.original_name} startIcon={<DownloadIcon />}>
              Télécharger
            </Button>
          </>
        ) : null}
        <IconButton size="small" onClick={onClose} aria-label="Fermer l'aperçu">
          <CloseIcon fontSize="small" />
        </IconButton>
      </Box>
      <ViewerBody key={file.id} file={file} url={url} />
    </Paper>
  );
}
