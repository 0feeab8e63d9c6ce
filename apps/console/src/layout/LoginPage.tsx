import Typography from '@mui/material/Typography';
import { Login, LoginForm } from 'react-admin';

/** react-admin's login form, under the name of the application. */
export function LoginPage() {
  return (
    <Login>
      <Typography variant="h6" component="h1" align="center" sx={{ px: 2, lineHeight: 1.3 }}>
        Étranger malade
      </Typography>
      <Typography variant="subtitle2" component="p" align="center" color="text.secondary" sx={{ px: 2 }}>
        Console préfecture
      </Typography>
      <LoginForm />
    </Login>
  );
}
