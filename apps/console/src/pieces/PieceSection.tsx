import type { Dossier, Piece, StoredFile } from '@em/contract';
import { canAttachForApplicant, canReviewPieces, toInstant } from '@em/domain';
import Alert from '@mui/material/Alert';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import { useMemo, useState } from 'react';
import { useGetManyReference } from 'react-admin';
import { FILE_VIEWER_ID, FileViewer } from '../files/FileViewer';
import { Section } from '../layout/Section';
import { useCanDecide } from '../permissions';
import { DeclaredSummary } from './DeclaredSummary';
import { focusNextToReview } from './focusNextToReview';
import { PieceCard } from './PieceCard';
import { useDossierPieces } from './useDossierPieces';

const time = (value: string) => toInstant(value)?.getTime() ?? 0;

/** Below the app bar (48 px) and the dossier's sticky action bar. */
const STICKY_TOP = 112;

/**
 * « Justificatifs »: one card per piece with its files and, while the dossier is under review, the
 * verdict buttons; beside them (sticky on wide screens) the applicant's declarations and the viewer.
 */
export function PieceSection({ record }: { record: Dossier }) {
  const [selected, setSelected] = useState<StoredFile | null>(null);
  const canDecide = useCanDecide();
  const pieces = useDossierPieces(record.id);
  const files = useGetManyReference<StoredFile>('files', {
    target: 'dossier_id',
    id: record.id,
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'id', order: 'ASC' },
  });

  const filesByPiece = useMemo(() => {
    const map = new Map<Piece['id'], StoredFile[]>();
    for (const file of files.data ?? []) {
      const list = map.get(file.piece_id) ?? [];
      list.push(file);
      map.set(file.piece_id, list);
    }
    for (const list of map.values()) list.sort((a, b) => time(a.uploaded_at) - time(b.uploaded_at) || Number(a.id) - Number(b.id));
    return map;
  }, [files.data]);

  const select = (file: StoredFile) => {
    setSelected(file);
    // On narrow screens the viewer sits below the cards.
    requestAnimationFrame(() => document.getElementById(FILE_VIEWER_ID)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }));
  };

  const reviewable = canDecide && canReviewPieces(record.status);
  const error = pieces.error ?? files.error;
  return (
    <Section id="justificatifs" title="Justificatifs">
      {pieces.isPending || files.isPending ? <LinearProgress sx={{ mb: 2 }} /> : null}
      {error ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error.message || 'Impossible de charger les justificatifs.'}
        </Alert>
      ) : null}
      {canDecide && record.status === 'deposee' ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          Prenez le dossier en charge pour vérifier les pièces.
        </Alert>
      ) : null}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 5 }}>
          <Stack spacing={1.5}>
            {pieces.pieces.map((piece) => (
              <PieceCard
                key={piece.id}
                piece={piece}
                files={filesByPiece.get(piece.id) ?? []}
                ephoto={record.ephoto}
                selectedFileId={selected?.id ?? null}
                onSelectFile={select}
                reviewable={reviewable}
                attachable={canDecide && canAttachForApplicant(record.status)}
                depositedAt={record.deposited_at}
                dossierStatus={record.status}
                onReviewed={(reviewed) => focusNextToReview(pieces.pieces, reviewed)}
              />
            ))}
            {!pieces.isPending && !error && pieces.pieces.length === 0 ? (
              <Alert severity="info">Aucun justificatif pour ce dossier.</Alert>
            ) : null}
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 7 }}>
          {/* Scrolls on its own on wide screens: focusable so that it scrolls by keyboard too. */}
          <Stack
            spacing={1.5}
            tabIndex={0}
            role="region"
            aria-label="Déclarations de l’usager et fichier affiché"
            sx={{
              position: { lg: 'sticky' },
              top: { lg: STICKY_TOP },
              maxHeight: { lg: `calc(100vh - ${STICKY_TOP + 16}px)` },
              overflowY: { lg: 'auto' },
            }}
          >
            <DeclaredSummary record={record} />
            <FileViewer file={selected} onClose={() => setSelected(null)} />
          </Stack>
        </Grid>
      </Grid>
    </Section>
  );
}
