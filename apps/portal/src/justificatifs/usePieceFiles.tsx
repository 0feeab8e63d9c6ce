import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { MAX_FILE_BYTES, MAX_FILE_SIZE_LABEL } from '@em/domain';
import { type ChangeEvent, useState } from 'react';
import { errorMessage } from '../forms/errors';

type Progress = { name: string; percent: number };
type Upload = (file: File, onProgress: (percent: number) => void) => Promise<unknown>;

/**
 * What a justificatif's block does with its files, in the draft and during a complement request:
 * one action at a time, the upload's progress, then a success message or the server's refusal.
 * `afterChange` reloads what the server now says about the piece.
 */
export function usePieceFiles(afterChange: () => Promise<unknown>) {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>, success: string) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await action();
      await afterChange();
      setDone(success);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  /** The input's onChange: a file over 10 Mo is refused here, before a byte is sent. */
  const onFileChosen = (upload: Upload) => (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file may be chosen again after an error
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setDone(null);
      setError(`« ${file.name} » dépasse ${MAX_FILE_SIZE_LABEL}.`);
      return;
    }
    setProgress({ name: file.name, percent: 0 });
    void run(() => upload(file, (percent) => setProgress({ name: file.name, percent })), `Le document « ${file.name} » a bien été ajouté.`);
  };

  return { busy, progress, error, done, run, onFileChosen };
}

type FeedbackProps = Pick<ReturnType<typeof usePieceFiles>, 'busy' | 'progress' | 'error' | 'done'> & { id: string };

/** The upload's progress bar, then « a bien été ajouté » or the refusal, announced to screen readers. */
export function PieceFilesFeedback({ id, busy, progress, error, done }: FeedbackProps) {
  return (
    <>
      {progress && (
        <div className="fr-mt-1w" role="status">
          <label className="fr-text--sm" htmlFor={`envoi-${id}`}>
            Envoi de « {progress.name} » : {progress.percent} %
          </label>
          <progress id={`envoi-${id}`} max={100} value={progress.percent} />
        </div>
      )}
      {!busy && done && (
        <p className="fr-valid-text fr-mt-1w fr-mb-0" role="status">
          {done}
        </p>
      )}
      {error && <Alert className="fr-mt-2w" severity="error" small description={error} role="alert" />}
    </>
  );
}
