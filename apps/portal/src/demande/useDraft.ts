import type { Draft } from '@em/contract';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../api';

export const DRAFT_KEY = ['draft'] as const;

/** The pré-demande being filled (GET /api/usager/demandes/brouillon), or null when there is none. */
async function fetchDraft(): Promise<Draft | null> {
  try {
    return await api.draft();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function useDraft() {
  return useQuery({ queryKey: DRAFT_KEY, queryFn: fetchDraft });
}
