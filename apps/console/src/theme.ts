import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's default theme in the French State's blue (« bleu France »). */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#000091' },
    secondary: { main: '#6a6af4' },
  },
};
