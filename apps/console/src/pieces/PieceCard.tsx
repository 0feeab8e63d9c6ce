import type { Dossier, Piece, StoredFile } from '@em/contract';
import { parisDateTime } from '@em/domain';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import Typography from '@mui/material/Typography';
import { FileItem } from '../files/FileItem';
import { PieceReview } from './PieceReview';
import { ReceivedFileDialog } from './ReceivedFileDialog';
import { ReviewChip } from './ReviewChip';

type Props = {
  piece: Piece;
  files: StoredFile[];
  /** The e-photo code: that piece is a code typed by the applicant, not a file. */
  ephoto: string | null;
  selectedFileId: StoredFile['id'] | null;
  onSelectFile: (file: StoredFile) => void;
  /** The dossier is in a state where pieces are reviewed, and the user may decide. */
  reviewable: boolean;
  /** The user may attach a document received at the counter or by post (from the dossier's deposit date). */
  attachable: boolean;
  depositedAt: string | null;
  dossierStatus: Dossier['status'];
  onReviewed?: (piece: Piece) => void;
};

export function PieceCard({
  piece,
  files,
  ephoto,
  selectedFileId,
  onSelectFile,
  reviewable,
  attachable,
  depositedAt,
  dossierStatus,
  onReviewed,
}: Props) {
  const label = piece.label;
  const isCode = piece.kind === 'code';
  const titleId = `piece-${piece.id}-title`;
  return (
    <Card variant="outlined" component="article" aria-labelledby={titleId}>
      <CardContent sx={{ pb: 1 }}>
        <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, flexWrap: 'wrap', justifyContent: 'space-between' }}>
          <Typography id={titleId} variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            {label}
            {piece.required ? (
              <Typography component="span" color="error" aria-label="obligatoire" title="Pièce obligatoire" sx={{ ml: 0.5 }}>
                *
              </Typography>
            ) : (
              <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
                (facultatif)
              </Typography>
            )}
          </Typography>
          <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
            {piece.new_number ? <Chip size="small" color="info" label="Nouveau numéro saisi" /> : null}
            <ReviewChip kind={piece.kind} status={piece.review_status} />
          </Box>
        </Box>
        {piece.review_message ? (
          <Alert severity={piece.review_status === 'conforme' ? 'success' : 'warning'} sx={{ mt: 1 }}>
            <strong>Message à l’usager :</strong> {piece.review_message}
          </Alert>
        ) : null}
        {piece.reviewed_at ? (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
            Vérifiée le {parisDateTime(piece.reviewed_at)}
          </Typography>
        ) : null}
        {isCode ? (
          <Typography variant="body2" sx={{ mt: 1, fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
            {ephoto || 'Aucun numéro renseigné.'}
          </Typography>
        ) : files.length === 0 ? (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            Aucun fichier déposé.
          </Typography>
        ) : (
          <List dense disablePadding sx={{ mt: 1 }} aria-label={`Fichiers : ${label}`}>
            {files.map((file) => (
              <FileItem key={file.id} file={file} selected={file.id === selectedFileId} onSelect={onSelectFile} />
            ))}
          </List>
        )}
        {attachable && !isCode ? <ReceivedFileDialog piece={piece} depositedAt={depositedAt} dossierStatus={dossierStatus} /> : null}
        {reviewable ? <PieceReview piece={piece} label={label} onReviewed={onReviewed} /> : null}
      </CardContent>
    </Card>
  );
}
