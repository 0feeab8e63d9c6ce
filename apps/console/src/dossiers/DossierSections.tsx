import type { Dossier } from '@em/contract';
import { calendarDayLabel, FAMILY_SITUATION_LABELS, MOTIF_SANTE, SEX_LABELS } from '@em/domain';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { birthDate, yesNo } from '../format';
import { InfoList, Section } from '../layout/Section';

const list = (values: string[] | null | undefined) => (values ?? []).filter(Boolean).join(', ');

function EtatCivil({ record }: { record: Dossier }) {
  return (
    <Section id="etat-civil" title="État civil">
      <InfoList
        rows={[
          { label: 'Nom de naissance', value: record.birth_name },
          { label: "Nom d'usage", value: record.usage_name },
          { label: 'Prénom(s)', value: list(record.first_names) },
          { label: 'Sexe', value: record.sex ? SEX_LABELS[record.sex] : null },
          { label: 'Date de naissance', value: birthDate(record.birth_day, record.birth_month, record.birth_year) },
          { label: 'Pays de naissance', value: record.birth_country },
          { label: 'Lieu de naissance', value: record.birth_place },
          { label: 'Nationalité(s)', value: list(record.nationalities) },
        ]}
      />
    </Section>
  );
}

function Adresse({ record }: { record: Dossier }) {
  return (
    <Section id="adresse" title="Adresse">
      <InfoList
        rows={[
          { label: 'Numéro', value: record.address_number },
          { label: 'Voie', value: record.address_street },
          { label: "Complément d'adresse", value: record.address_complement },
          { label: 'Code postal', value: record.postal_code },
          { label: 'Ville', value: record.city },
          { label: 'Pays', value: record.country },
          { label: 'Code INSEE', value: record.insee_code },
        ]}
      />
    </Section>
  );
}

function Contact({ record }: { record: Dossier }) {
  return (
    <Section id="contact" title="Contact">
      <InfoList
        rows={[
          { label: 'Courriel', value: record.email ? <a href={`mailto:${record.email}`}>{record.email}</a> : null },
          { label: 'Téléphone', value: record.phone },
        ]}
      />
    </Section>
  );
}

function MotifSejour({ record }: { record: Dossier }) {
  const situation = record.family_situation ? (FAMILY_SITUATION_LABELS[record.family_situation] ?? record.family_situation) : null;
  return (
    <Section id="motif" title="Motif de séjour">
      <Typography variant="body2" sx={{ mb: 1.5, fontStyle: 'italic' }}>
        {MOTIF_SANTE}
      </Typography>
      <InfoList
        rows={[
          { label: "Date d'entrée en France", value: calendarDayLabel(record.entry_date) },
          { label: 'Situation familiale', value: situation },
          { label: "Date de début de l'union", value: calendarDayLabel(record.union_date), hidden: !record.union_date },
          { label: "Pays de l'union", value: record.union_country, hidden: !record.union_country },
          { label: 'Enfants à charge', value: yesNo(record.dependent_children) },
          {
            label: "Ne pas vivre en France en état de polygamie, même si mon pays d'origine l'autorise",
            value: yesNo(record.attest_no_polygamy),
          },
          {
            label: "Avoir connaissance des sanctions pénales encourues par l'auteur d'une fausse attestation",
            value: yesNo(record.attest_penalties),
          },
        ]}
      />
    </Section>
  );
}

function Ephoto({ record }: { record: Dossier }) {
  return (
    <Section id="ephoto" title="Numéro e-photo">
      <Typography variant="body1" sx={{ fontFamily: 'monospace', letterSpacing: 1, overflowWrap: 'anywhere' }}>
        {record.ephoto || '—'}
      </Typography>
    </Section>
  );
}

function Observations({ record }: { record: Dossier }) {
  return (
    <Section id="observations" title="Observations à destination de l'administration">
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {record.observations?.trim() ? record.observations : 'Aucune observation.'}
      </Typography>
    </Section>
  );
}

/** The applicant's answers, in the order of the pré-demande steps. */
export function DossierSections({ record }: { record: Dossier }) {
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 6 }}>
        <EtatCivil record={record} />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Adresse record={record} />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Contact record={record} />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <MotifSejour record={record} />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Ephoto record={record} />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Observations record={record} />
      </Grid>
    </Grid>
  );
}
