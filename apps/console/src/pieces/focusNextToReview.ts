import type { Piece } from '@em/contract';
import { reviewGroupId } from './PieceReview';

/** The dossier's action toolbar (DossierShow): where the review leads once every piece has a verdict. */
const ACTIONS_SELECTOR = '[role="toolbar"][aria-label="Actions sur le dossier"] button:not([disabled])';

/**
 * After a verdict is saved, the focus goes to the next piece still « à vérifier » (after this one,
 * then from the top), or to the dossier's actions when none is left, instead of falling to the page body.
 */
export function focusNextToReview(pieces: Piece[], reviewed: Piece) {
  const index = pieces.findIndex((piece) => piece.id === reviewed.id);
  const ordered = [...pieces.slice(index + 1), ...pieces.slice(0, Math.max(index, 0))];
  const next = ordered.find((piece) => piece.review_status === 'a_verifier');
  // After React has re-rendered the saved card (its form closes).
  requestAnimationFrame(() => {
    const target = next
      ? document.querySelector<HTMLElement>(`#${reviewGroupId(next.id)} button:not([disabled])`)
      : document.querySelector<HTMLElement>(ACTIONS_SELECTOR);
    target?.focus({ preventScroll: false });
    target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  });
}
