import { Button } from '@codegouvfr/react-dsfr/Button';
import type { ReactNode, Ref } from 'react';

type Props = {
  values: string[];
  onChange: (values: string[]) => void;
  /** Draws the field of one value: its label, its input or select. */
  render: (index: number, props: { value: string; onChange: (value: string) => void; ref?: Ref<never> }) => ReactNode;
  addLabel: string;
  removeLabel: (index: number) => string;
  max: number;
  firstRef?: Ref<never>;
};

/** Several values of one field (prénoms, nationalités): « + Ajouter … », and « Retirer » on the extra ones. */
export function RepeatedField({ values, onChange, render, addLabel, removeLabel, max, firstRef }: Props) {
  const set = (index: number, value: string) => onChange(values.map((v, i) => (i === index ? value : v)));
  return (
    <div className="fr-mb-3w">
      {values.map((value, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the position is the identity of a value being typed
        <div key={index} className="em-repeated">
          <div className="em-repeated__field">
            {render(index, { value, onChange: (v) => set(index, v), ref: index === 0 ? firstRef : undefined })}
          </div>
          {index > 0 && (
            <Button
              type="button"
              priority="tertiary no outline"
              size="small"
              iconId="fr-icon-delete-line"
              onClick={() => onChange(values.filter((_, i) => i !== index))}
            >
              {removeLabel(index)}
            </Button>
          )}
        </div>
      ))}
      {values.length < max && (
        <Button type="button" priority="tertiary" size="small" iconId="fr-icon-add-line" onClick={() => onChange([...values, ''])}>
          {addLabel}
        </Button>
      )}
    </div>
  );
}
