/**
 * What the applicant typed in a step, kept in this tab (sessionStorage) while it is not saved: a
 * session that expires mid-step, or « Revenir à l'étape précédente », loses nothing. Cleared once
 * saved, and when the applicant leaves, abandons or deposits.
 */
const PREFIX = 'em:etape:';

export function stashStep(step: number, values: unknown) {
  try {
    sessionStorage.setItem(`${PREFIX}${step}`, JSON.stringify(values));
  } catch {
    // Storage full or disabled: the form simply is not kept.
  }
}

export function takeStash<T>(step: number): T | null {
  try {
    const raw = sessionStorage.getItem(`${PREFIX}${step}`);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function clearStash(step?: number) {
  try {
    for (const key of Object.keys(sessionStorage)) {
      if (step === undefined ? key.startsWith(PREFIX) : key === `${PREFIX}${step}`) sessionStorage.removeItem(key);
    }
  } catch {
    // nothing kept, nothing to clear
  }
}
