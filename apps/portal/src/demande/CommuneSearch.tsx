import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import type { Commune } from '@em/contract';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../api';

function useDebounced(value: string, ms: number) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

const communeKey = (c: Pick<Commune, 'codeInsee' | 'codePostal'>) => `${c.codeInsee}-${c.codePostal}`;

/** The commune chosen in the official list, searched on the server (the list never comes to the browser). */
export function CommuneSearch({ selected, onChoose }: { selected: string; onChoose: (commune: Commune) => void }) {
  const [query, setQuery] = useState('');
  const term = useDebounced(query.trim(), 250);
  const results = useQuery({
    queryKey: ['communes', term],
    queryFn: () => api.communes(term),
    enabled: term.length >= 2,
    staleTime: Number.POSITIVE_INFINITY,
  });

  return (
    <div className="fr-mb-3w">
      <Input
        label="Rechercher votre commune"
        hintText="Nom de la commune ou code postal, puis choisissez votre commune dans la liste."
        nativeInputProps={{
          type: 'search',
          value: query,
          autoComplete: 'off',
          onChange: (event) => setQuery(event.target.value),
          // Enter searches; it must not save the step.
          onKeyDown: (event) => event.key === 'Enter' && event.preventDefault(),
        }}
      />
      <div aria-live="polite">
        {term.length >= 2 && results.isFetching && <p className="fr-text--sm">Recherche en cours…</p>}
        {term.length >= 2 && results.data?.length === 0 && <p className="fr-text--sm">Aucune commune ne correspond à « {term} ».</p>}
        {term.length >= 2 && results.isError && <p className="fr-error-text">{results.error.message}</p>}
        {term.length >= 2 && results.data && results.data.length > 0 && (
          <RadioButtons
            legend={`Communes trouvées (${results.data.length})`}
            small
            options={results.data.map((commune) => ({
              label: `${commune.nom} (${commune.codePostal})`,
              hintText: `Code INSEE ${commune.codeInsee}`,
              nativeInputProps: {
                name: 'commune',
                value: communeKey(commune),
                checked: selected === communeKey(commune),
                onChange: () => onChoose(commune),
              },
            }))}
          />
        )}
      </div>
    </div>
  );
}

export { communeKey };
