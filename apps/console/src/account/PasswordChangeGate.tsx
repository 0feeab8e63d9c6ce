import { applicantPasswordMessage } from '@em/domain';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Title, useDataProvider, useGetIdentity } from 'react-admin';
import { forgetCurrentUser } from '../authProvider';
import type { ConsoleDataProvider } from '../dataProvider';

/** A provisional password set by an admin must be replaced before the console shows anything else. */
function PasswordChangeForm({ onDone }: { onDone: () => void }) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem =
      applicantPasswordMessage(password) ?? (password !== confirmation ? 'Les deux mots de passe ne sont pas identiques.' : null);
    if (problem) return setError(problem);
    setPending(true);
    try {
      await dataProvider.changeOwnPassword(password, confirmation);
      forgetCurrentUser();
      onDone();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setPending(false);
    }
  };
  return (
    <Card variant="outlined" sx={{ maxWidth: 520, mx: 'auto', mt: 4 }}>
      <Title title="Nouveau mot de passe" />
      <CardContent component="form" onSubmit={submit} noValidate>
        <Typography variant="h5" component="h1" gutterBottom>
          Choisissez votre mot de passe
        </Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          Votre mot de passe actuel est provisoire. Il doit contenir au moins 8 caractères, dont une majuscule, une minuscule, un chiffre et
          un caractère spécial.
        </Typography>
        <Stack spacing={2} sx={{ mt: 2 }}>
          {error ? <Alert severity="error">{error}</Alert> : null}
          <TextField
            type="password"
            label="Nouveau mot de passe"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <TextField
            type="password"
            label="Confirmation du mot de passe"
            autoComplete="new-password"
            value={confirmation}
            onChange={(e) => setConfirmation(e.target.value)}
          />
          <Button type="submit" variant="contained" disabled={pending}>
            Enregistrer mon mot de passe
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
}

export function PasswordChangeGate({ children }: { children: ReactNode }) {
  const { identity, refetch } = useGetIdentity();
  if (identity?.mustChangePassword) return <PasswordChangeForm onDone={() => refetch()} />;
  return <>{children}</>;
}
