import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import type { ApplicantPiece } from '@em/contract';
import { ACCEPTED_EXTENSIONS, ACCEPTED_FORMATS_LABEL, MAX_FILE_SIZE_LABEL, REVIEW_LABELS } from '@em/domain';
import { api } from '../api';
import { awaitsFile } from '../complement';
import { EphotoAnswer } from './EphotoAnswer';
import { FileList } from './FileList';
import { PieceFilesFeedback, usePieceFiles } from './usePieceFiles';

type Props = {
  piece: ApplicantPiece;
  /** A complement request is in progress: requested pieces accept files. */
  acceptsComplements: boolean;
  /** Reload the dossier after a change (flags and files come from the server). */
  onChanged: () => Promise<void>;
  /** The dossier's e-photo code, shown on the EPHOTO piece. */
  ephoto?: string | null;
};

const ACCEPT = ACCEPTED_EXTENSIONS.join(',');

/** One justificatif: label, hint, files and, when the préfecture asked for it, « Joindre un document ». */
export function PieceBlock({ piece, acceptsComplements, ephoto, onChanged }: Props) {
  const { busy, progress, error, done, run, onFileChosen } = usePieceFiles(onChanged);

  const requested = piece.flagged;
  const awaiting = awaitsFile(piece);
  const canUpload = acceptsComplements && requested && piece.kind === 'files';
  const titleId = `piece-${piece.id}-titre`;
  const hint = piece.hint;
  const maxFiles = piece.max_files;

  function onRemove(fileId: number, name: string) {
    void run(() => api.deleteFile(fileId), `Le document « ${name} » a été supprimé.`);
  }

  const className = ['em-piece', awaiting && 'em-piece--flagged', piece.answered && 'em-piece--answered'].filter(Boolean).join(' ');

  return (
    <section className={className} aria-labelledby={titleId} data-piece={piece.code} data-flagged={awaiting ? 'true' : undefined}>
      <h3 className="fr-h6 fr-mb-1w">
        <span id={titleId}>{piece.label}</span>
        {piece.required && acceptsComplements && <span aria-hidden="true"> *</span>}
      </h3>

      {awaiting && (
        <div className="fr-mb-2w">
          <Badge severity="error" small>
            {REVIEW_LABELS[piece.review_status]}
          </Badge>
        </div>
      )}
      {piece.answered && (
        <div className="fr-mb-2w">
          <Badge severity="success" small>
            {piece.kind === 'code' ? 'Nouveau numéro saisi' : 'Nouveau document ajouté'}
          </Badge>
        </div>
      )}
      {requested && piece.review_message && (
        <p className="fr-mb-2w">
          Message de la préfecture : <span className="em-piece__agent-message">« {piece.review_message} »</span>
        </p>
      )}

      {hint && <p className="fr-text--sm fr-mb-1w">{hint}</p>}

      {piece.kind === 'code' ? (
        <p className="fr-text--sm fr-mb-0">
          {ephoto ? (
            <>
              Numéro ephoto (22 caractères) : <span className="fr-text--bold">{ephoto}</span>
            </>
          ) : (
            'Numéro e-photo (22 caractères) transmis lors du dépôt de la demande.'
          )}
        </p>
      ) : (
        <FileList files={piece.files} busy={busy} onRemove={onRemove} />
      )}

      {acceptsComplements && requested && piece.kind === 'code' && (
        <EphotoAnswer
          busy={busy}
          typed={piece.answered}
          onSubmit={(ephoto) => void run(() => api.replaceEphoto(ephoto), 'Le nouveau numéro ephoto a bien été enregistré.')}
          onRemove={() => void run(() => api.removeNewEphoto(), 'Le nouveau numéro ephoto a été supprimé.')}
        />
      )}

      {canUpload && (
        <Upload
          label={`Joindre un document – ${piece.label}`}
          hint={`Formats acceptés : ${ACCEPTED_FORMATS_LABEL}. Taille maximale : ${MAX_FILE_SIZE_LABEL} par fichier.${maxFiles ? ` ${maxFiles} documents au plus pour cette pièce.` : ''} Aucun document médical.`}
          disabled={busy}
          nativeInputProps={{ accept: ACCEPT, onChange: onFileChosen((file, onProgress) => api.uploadFile(piece.id, file, onProgress)) }}
        />
      )}

      <PieceFilesFeedback id={String(piece.id)} busy={busy} progress={progress} error={error} done={acceptsComplements ? done : null} />
    </section>
  );
}
