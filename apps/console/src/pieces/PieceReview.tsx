import type { Piece } from '@em/contract';
import { type FlaggedReviewStatus, isFlaggedReview, type ReviewVerdict, reviewLabel, reviewVerdicts } from '@em/domain';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useRefresh, useUpdate } from 'react-admin';
import { reviewPresets } from './reviewPresets';

const FLAG_COLORS = { manquant: 'error', illisible: 'warning', non_conforme: 'error' } as const;

type Props = { piece: Piece; label: string; onReviewed?: (piece: Piece) => void };

/** The id of a piece's verdict buttons, where the focus goes when that piece is the next to review. */
export const reviewGroupId = (pieceId: Piece['id']) => `piece-${pieceId}-review`;

/**
 * The agent's verdict on one piece: « Conforme » at once, or a flag with the message the applicant
 * will read in the complement request (a preset phrase, editable). Saved with PUT /api/pieces/:id,
 * pessimistically: the chip changes only once the server has accepted.
 */
export function PieceReview({ piece, label, onReviewed }: Props) {
  const [editing, setEditing] = useState<FlaggedReviewStatus | null>(null);
  const [message, setMessage] = useState('');
  const [update, { isPending }] = useUpdate<Piece>();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  // The flags this kind of piece accepts: an e-photo number is never « illisible ».
  const flags = reviewVerdicts(piece.kind).filter(isFlaggedReview);

  const save = (reviewStatus: ReviewVerdict, reviewMessage: string) =>
    update(
      'pieces',
      { id: piece.id, data: { review_status: reviewStatus, review_message: reviewMessage.trim() }, previousData: piece },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setEditing(null);
          notify('console.notification.piece_reviewed', {
            type: 'success',
            messageArgs: { piece: label, status: reviewLabel(piece.kind, reviewStatus) },
          });
          // The review is an event of the dossier's history.
          void queryClient.invalidateQueries({ queryKey: ['events'] });
          onReviewed?.(piece);
        },
        onError: (error) => {
          const { message: text, status } = error as Error & { status?: number };
          notify(text || 'La vérification n’a pas été enregistrée.', { type: 'error' });
          if (status === 409 || status === 404) refresh();
        },
      },
    );

  const startFlag = (flag: FlaggedReviewStatus) => {
    setEditing(flag);
    const current = piece.review_status === flag ? piece.review_message?.trim() : '';
    setMessage(current || reviewPresets(piece.code, flag)[0] || '');
  };

  return (
    <Box sx={{ mt: 1.5 }}>
      <Divider sx={{ mb: 1.5 }} />
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 0.75 }}>
        Vérification de la pièce
      </Typography>
      <Stack
        id={reviewGroupId(piece.id)}
        direction="row"
        role="group"
        aria-label={`Vérification – ${label}`}
        sx={{ flexWrap: 'wrap', gap: 1 }}
      >
        <Button
          size="small"
          color="success"
          variant={piece.review_status === 'conforme' ? 'contained' : 'outlined'}
          aria-pressed={piece.review_status === 'conforme'}
          aria-label={`Conforme – ${label}`}
          disabled={isPending}
          onClick={() => save('conforme', '')}
        >
          Conforme
        </Button>
        {flags.map((flag) => (
          <Button
            key={flag}
            size="small"
            color={FLAG_COLORS[flag]}
            variant={piece.review_status === flag || editing === flag ? 'contained' : 'outlined'}
            aria-pressed={piece.review_status === flag}
            aria-expanded={editing === flag}
            aria-label={`${reviewLabel(piece.kind, flag)} – ${label}`}
            disabled={isPending}
            onClick={() => (editing === flag ? setEditing(null) : startFlag(flag))}
          >
            {reviewLabel(piece.kind, flag)}
          </Button>
        ))}
      </Stack>
      {editing ? (
        <Box
          component="form"
          sx={{ mt: 1.5, p: 1.5, bgcolor: 'grey.50', border: 1, borderColor: 'divider', borderRadius: 1 }}
          onSubmit={(event) => {
            event.preventDefault();
            save(editing, message);
          }}
        >
          <Typography variant="body2" sx={{ mb: 1 }}>
            {reviewLabel(piece.kind, editing)} — message pour l’usager, repris dans le courriel de demande de pièces :
          </Typography>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75, mb: 1 }} aria-label="Phrases types" role="group">
            {reviewPresets(piece.code, editing).map((preset) => (
              <Chip
                key={preset}
                size="small"
                variant={message === preset ? 'filled' : 'outlined'}
                label={preset}
                onClick={() => setMessage(preset)}
                sx={{ maxWidth: '100%', height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.5 } }}
              />
            ))}
          </Box>
          <TextField
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            label="Message pour l’usager"
            multiline
            minRows={2}
            fullWidth
            size="small"
            required
            autoFocus
            slotProps={{ htmlInput: { maxLength: 1000, 'aria-label': `Message pour l’usager – ${label}` } }}
            error={!message.trim()}
            helperText={!message.trim() ? 'Un message est nécessaire : l’usager le lira dans la demande de pièces.' : ' '}
          />
          <Stack direction="row" sx={{ gap: 1, justifyContent: 'flex-end' }}>
            <Button size="small" onClick={() => setEditing(null)} disabled={isPending}>
              Annuler
            </Button>
            <Button
              size="small"
              type="submit"
              variant="contained"
              aria-label={`Enregistrer « ${reviewLabel(piece.kind, editing)} » – ${label}`}
              disabled={isPending || !message.trim()}
              startIcon={isPending ? <CircularProgress size={16} color="inherit" /> : undefined}
            >
              Enregistrer
            </Button>
          </Stack>
        </Box>
      ) : null}
    </Box>
  );
}
