import type { CheckboxOwnerState } from '@mui/material/Checkbox';
import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** The focus ring of the DSFR: seen on white as on the blue app bar, never only a ripple. */
const focusRing = { outline: '2px solid #0a76f6', outlineOffset: '2px' };

/** react-admin's default theme in the French State's blue (« bleu France »), with a visible keyboard focus. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#000091' },
    secondary: { main: '#6a6af4' },
    // MUI's orange (#ed6c02) reads at 3:1 on white; the DSFR's warning orange passes AA (5.5:1).
    warning: { main: '#b34000' },
  },
  components: {
    ...defaultTheme.components,
    MuiCssBaseline: { styleOverrides: { '*:focus-visible': focusRing } },
    // MUI removes the outline of its buttons, links, tabs, menu items and chips (ButtonBase): give it back.
    MuiButtonBase: { styleOverrides: { root: { '&.Mui-focusVisible, &:focus-visible': focusRing } } },
    // Spinners (react-admin's loading indicator among them) are named for screen readers.
    MuiCircularProgress: { defaultProps: { 'aria-label': 'Chargement' } },
    // react-admin's row checkbox (DataTable's SelectRowCheckbox) names the wrapping span, where axe forbids the
    // attribute, and leaves the input unnamed: move the name onto the input.
    MuiCheckbox: {
      defaultProps: {
        slotProps: {
          root: (ownerState: CheckboxOwnerState) => (ownerState['aria-label'] ? { 'aria-label': undefined } : {}),
          input: (ownerState: CheckboxOwnerState) => (ownerState['aria-label'] ? { 'aria-label': ownerState['aria-label'] } : {}),
        },
      },
    },
    // Tabs sit in a scroller that clips what overflows: the ring is drawn inside.
    MuiTab: { styleOverrides: { root: { '&.Mui-focusVisible': { ...focusRing, outlineOffset: '-3px' } } } },
  },
};
