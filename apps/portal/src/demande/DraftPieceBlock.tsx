import { Button } from '@codegouvfr/react-dsfr/Button';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import type { DraftPiece } from '@em/contract';
import { ACCEPTED_EXTENSIONS, ACCEPTED_FORMATS_LABEL, fileTypeLabel, formatFileSize, MAX_FILE_SIZE_LABEL } from '@em/domain';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { PieceFilesFeedback, usePieceFiles } from '../justificatifs/usePieceFiles';
import { DRAFT_KEY } from './useDraft';

const ACCEPT = ACCEPTED_EXTENSIONS.join(',');

type Props = { draftId: number; piece: DraftPiece; missing: boolean };

/** One justificatif of step 4: the guide's explanation, its files (removable until the deposit) and « Joindre un document ». */
export function DraftPieceBlock({ draftId, piece, missing }: Props) {
  const queryClient = useQueryClient();
  const { busy, progress, error, done, run, onFileChosen } = usePieceFiles(() => queryClient.invalidateQueries({ queryKey: DRAFT_KEY }));
  const titleId = `piece-${piece.code}-titre`;
  const full = piece.files.length >= piece.maxFiles;

  const className = ['em-piece', missing && piece.files.length === 0 && 'em-piece--flagged'].filter(Boolean).join(' ');
  return (
    <section className={className} aria-labelledby={titleId} data-piece={piece.code}>
      <h3 className="fr-h6 fr-mb-1w" id={titleId}>
        {piece.label}
        {piece.required && ' *'}
      </h3>
      <p className="fr-text--sm fr-mb-1w">{piece.hint}</p>

      {piece.files.length > 0 ? (
        <ul className="em-piece__files">
          {piece.files.map((file) => (
            <li key={file.id}>
              <a className="fr-link" href={file.url} target="_blank" rel="noopener">
                {file.originalName}
              </a>
              <span className="em-piece__file-meta">
                {fileTypeLabel(file.detectedType)} – {formatFileSize(file.size)}
              </span>
              <Button
                type="button"
                priority="tertiary no outline"
                size="small"
                iconId="fr-icon-delete-line"
                disabled={busy}
                nativeButtonProps={{ 'aria-label': `Supprimer ${file.originalName}` }}
                onClick={() =>
                  void run(() => api.deleteDraftFile(draftId, file.id), `Le document « ${file.originalName} » a été supprimé.`)
                }
              >
                Supprimer
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className={missing && piece.required ? 'fr-error-text' : 'fr-text--sm fr-my-2w'}>
          {missing && piece.required ? 'Joignez au moins un document pour cette pièce.' : 'Aucun document joint.'}
        </p>
      )}

      {full ? (
        <p className="fr-text--sm">{piece.maxFiles} documents au plus pour cette pièce : supprimez-en un pour en joindre un autre.</p>
      ) : (
        <Upload
          label={`Joindre un document – ${piece.label}`}
          hint={`Formats acceptés : ${ACCEPTED_FORMATS_LABEL}. Taille maximale : ${MAX_FILE_SIZE_LABEL} par fichier. ${piece.maxFiles} documents au plus pour cette pièce. Aucun document médical.`}
          disabled={busy}
          nativeInputProps={{
            accept: ACCEPT,
            onChange: onFileChosen((file, onProgress) => api.uploadDraftFile(draftId, piece.code, file, onProgress)),
          }}
        />
      )}

      <PieceFilesFeedback id={piece.code} busy={busy} progress={progress} error={error} done={done} />
    </section>
  );
}
