declare module '@socialgouv/jours-feries' {
  /** Public holidays of a year, by French name; dates are local-time midnights. */
  export default function getJoursFeries(year: number, options?: { alsace?: boolean }): Record<string, Date>;
}
