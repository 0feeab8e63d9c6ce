import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { ApplicantFile } from '@em/contract';
import { fileTypeLabel, formatFileSize, parisDate, RECEIPT_CHANNEL_LABELS } from '@em/domain';

type Props = {
  files: ApplicantFile[];
  busy: boolean;
  onRemove: (fileId: number, name: string) => void;
};

/** The files of one piece: the name opens the file; « Supprimer » for files of the current round only. */
export function FileList({ files, busy, onRemove }: Props) {
  if (files.length === 0) return <p className="fr-text--sm fr-my-2w">Aucun document joint.</p>;
  return (
    <ul className="em-piece__files">
      {files.map((file) => (
        <li key={String(file.id)}>
          <a className="fr-link" href={file.url} target="_blank" rel="noopener">
            {file.original_name}
          </a>
          <span className="em-piece__file-meta">
            {[
              fileTypeLabel(file.detected_type),
              formatFileSize(file.size),
              file.received_via
                ? RECEIPT_CHANNEL_LABELS[file.received_via]
                : file.uploaded_at && `ajouté le ${parisDate(file.uploaded_at, '')}`,
            ]
              .filter(Boolean)
              .join(' – ')}
          </span>
          {file.late && (
            <Badge severity="warning" small as="span">
              Hors délai
            </Badge>
          )}
          {file.removable && (
            <Button
              priority="tertiary no outline"
              size="small"
              iconId="fr-icon-delete-line"
              disabled={busy}
              nativeButtonProps={{ 'aria-label': `Supprimer ${file.original_name}` }}
              onClick={() => onRemove(file.id, file.original_name)}
            >
              Supprimer
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
