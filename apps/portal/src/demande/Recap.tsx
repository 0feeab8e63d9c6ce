import type { Draft } from '@em/contract';
import { calendarDayLabel, FAMILY_SITUATION_LABELS, formatFileSize, MOTIF_SANTE, SEX_LABELS, SITUATION_ETRANGER_MALADE } from '@em/domain';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { MONTHS } from '../forms/DateParts';
import { stepPath } from '../paths';

function birthDate({ birthDay, birthMonth, birthYear }: Draft['etatCivil']) {
  return [birthMonth && birthDay, birthMonth && MONTHS[birthMonth - 1], birthYear].filter(Boolean).join(' ');
}

function Section({ title, step, rows }: { title: string; step: number; rows: [string, ReactNode][] }) {
  const id = `recap-${step}-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="em-recap fr-mb-4w" aria-labelledby={id}>
      <div className="em-recap__head">
        <h2 id={id} className="fr-h5 fr-mb-0">
          {title}
        </h2>
        <Link className="fr-link fr-icon-edit-line fr-link--icon-left" to={stepPath(step)}>
          Modifier<span className="fr-sr-only"> : {title}</span>
        </Link>
      </div>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label} className="em-recap__row">
            <dt>{label}</dt>
            <dd>{value || '—'}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Step 5: everything the applicant is about to deposit, each part with a link back to its step. */
export function Recap({ draft }: { draft: Draft }) {
  const { etatCivil: e, adresse: a, contact: c, motif: m } = draft;
  const street = [a.addressNumber, a.addressStreet].filter(Boolean).join(' ');
  const address = [street, a.addressComplement, `${a.postalCode} ${a.city}`, a.country].filter((part) => part.trim()).join(', ');
  return (
    <>
      <Section title="Votre situation" step={1} rows={[['Situation', SITUATION_ETRANGER_MALADE]]} />
      <Section
        title="État civil"
        step={2}
        rows={[
          ['Nom de naissance', e.birthName],
          ["Nom d'usage", e.usageName],
          ['Prénom(s)', e.firstNames.join(', ')],
          ['Sexe', e.sex ? SEX_LABELS[e.sex] : ''],
          ['Date de naissance', birthDate(e)],
          ['Pays de naissance', e.birthCountry],
          ['Lieu de naissance', e.birthPlace],
          ['Nationalité(s)', e.nationalities.join(', ')],
        ]}
      />
      <Section
        title="Adresse et contact"
        step={2}
        rows={[
          ['Adresse', address],
          ['Code INSEE', a.inseeCode],
          ['Préfecture compétente', draft.prefecture?.name ?? ''],
          ['Email', c.email || draft.accountEmail],
          ['Téléphone', c.phone],
        ]}
      />
      <Section
        title="Motif de séjour"
        step={3}
        rows={[
          ['Motif', MOTIF_SANTE],
          ["Date d'entrée en France", calendarDayLabel(m.entryDate)],
          ['Situation familiale', m.familySituation ? (FAMILY_SITUATION_LABELS as Record<string, string>)[m.familySituation] : ''],
          ...(m.unionDate
            ? ([
                ["Date de début de l'union", calendarDayLabel(m.unionDate)],
                ["Pays de l'union", m.unionCountry ?? ''],
              ] as [string, string][])
            : []),
          ['Enfants à charge', m.dependentChildren === null ? '' : m.dependentChildren ? 'Oui' : 'Non'],
          ['Attestations sur l’honneur', m.attestNoPolygamy && m.attestPenalties ? 'Les deux attestations sont cochées' : ''],
        ]}
      />
      <Section
        title="Justificatifs"
        step={4}
        rows={draft.pieces.map((piece) => [
          piece.label,
          piece.kind === 'code' ? (
            (draft.ephoto ?? '')
          ) : piece.files.length ? (
            <ul key={piece.code} className="fr-mb-0">
              {piece.files.map((file) => (
                <li key={file.id}>
                  {file.originalName} ({formatFileSize(file.size)})
                </li>
              ))}
            </ul>
          ) : (
            ''
          ),
        ])}
      />
    </>
  );
}
