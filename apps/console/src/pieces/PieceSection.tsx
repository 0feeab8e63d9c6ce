import { PIECE_CODES } from '@em/domain';
import Alert from '@mui/material/Alert';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import { useMemo, useState } from 'react';
import { useGetManyReference } from 'react-admin';
import { FILE_VIEWER_ID, FileViewer } from '../files/FileViewer';
import { toDate } from '../format';
import { Section } from '../layout/Section';
import type { Dossier, Piece, StoredFile } from '../types';
import { PieceCard } from './PieceCard';

const catalogueRank = (code: string) => {
  const index = (PIECE_CODES as readonly string[]).indexOf(code);
  return index === -1 ? PIECE_CODES.length : index;
};

const time = (value: string) => toDate(value)?.getTime() ?? 0;

/** « Justificatifs »: one card per piece with its files, and the in-page viewer of the selected file. */
export function PieceSection({ record }: { record: Dossier }) {
  const [selected, setSelected] = useState<StoredFile | null>(null);
  const pieces = useGetManyReference<Piece>('pieces', {
    target: 'dossier_id',
    id: record.id,
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'id', order: 'ASC' },
  });
  const files = useGetManyReference<StoredFile>('files', {
    target: 'dossier_id',
    id: record.id,
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'id', order: 'ASC' },
  });

  const sortedPieces = useMemo(
    () => [...(pieces.data ?? [])].sort((a, b) => catalogueRank(a.code) - catalogueRank(b.code) || Number(a.id) - Number(b.id)),
    [pieces.data],
  );
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

  const error = pieces.error ?? files.error;
  return (
    <Section id="justificatifs" title="Justificatifs">
      {pieces.isPending || files.isPending ? <LinearProgress sx={{ mb: 2 }} /> : null}
      {error ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error.message || 'Impossible de charger les justificatifs.'}
        </Alert>
      ) : null}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 5 }}>
          <Stack spacing={1.5}>
            {sortedPieces.map((piece) => (
              <PieceCard
                key={piece.id}
                piece={piece}
                files={filesByPiece.get(piece.id) ?? []}
                ephoto={record.ephoto}
                selectedFileId={selected?.id ?? null}
                onSelectFile={select}
              />
            ))}
            {!pieces.isPending && !error && sortedPieces.length === 0 ? (
              <Alert severity="info">Aucun justificatif pour ce dossier.</Alert>
            ) : null}
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 7 }}>
          <Stack sx={{ position: { lg: 'sticky' }, top: { lg: 64 } }}>
            <FileViewer file={selected} onClose={() => setSelected(null)} />
          </Stack>
        </Grid>
      </Grid>
    </Section>
  );
}
