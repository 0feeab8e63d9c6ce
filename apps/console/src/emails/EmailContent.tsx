import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useId, useState } from 'react';

/**
 * Links open in a new tab: the frame runs no script and has no origin of its own, but may open
 * its links (« Reprendre ma demande ») outside the sandbox.
 */
const EMAIL_FRAME_SANDBOX = 'allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation';

function withBaseTarget(html: string): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${base}`) : `${base}${html}`;
}

/** The HTML body as the applicant sees it, in a sandboxed frame (never in the console's own DOM). */
export function EmailHtmlFrame({ html, title, height = 520 }: { html: string; title: string; height?: number }) {
  return (
    <Box
      component="iframe"
      title={title}
      srcDoc={withBaseTarget(html)}
      sandbox={EMAIL_FRAME_SANDBOX}
      referrerPolicy="no-referrer"
      sx={{ display: 'block', width: '100%', height, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: '#f6f6f6' }}
    />
  );
}

/** The plain-text body, line breaks kept. */
export function EmailText({ text, label }: { text: string; label: string }) {
  return (
    <Box
      component="pre"
      aria-label={label}
      sx={{
        m: 0,
        p: 2,
        bgcolor: 'grey.50',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        whiteSpace: 'pre-wrap',
        overflowWrap: 'anywhere',
        fontFamily: 'inherit',
        fontSize: '0.875rem',
        lineHeight: 1.5,
      }}
    >
      {text}
    </Box>
  );
}

type View = 'html' | 'text';

/** An e-mail's two bodies behind tabs: « Courriel mis en forme » (HTML) and « Texte brut ». */
export function EmailContent({
  subject,
  text,
  html,
  initialView = 'html',
}: {
  subject: string;
  text?: string | null;
  html?: string | null;
  initialView?: View;
}) {
  const id = useId();
  const available: View[] = [...(html ? (['html'] as const) : []), ...(text ? (['text'] as const) : [])];
  // The agent's choice, else the preferred view, else whichever body there is.
  const [chosen, setView] = useState<View | null>(null);
  const view = chosen && available.includes(chosen) ? chosen : available.includes(initialView) ? initialView : available[0];
  if (!view) return <Box sx={{ color: 'text.secondary' }}>Contenu non disponible.</Box>;
  return (
    <Box>
      <Tabs
        value={view}
        onChange={(_event, value: View) => setView(value)}
        aria-label={`Affichage du courriel : ${subject}`}
        sx={{ minHeight: 40, mb: 1 }}
      >
        {html ? (
          <Tab value="html" label="Courriel mis en forme" id={`${id}-html`} aria-controls={`${id}-panel`} sx={{ minHeight: 40 }} />
        ) : null}
        {text ? <Tab value="text" label="Texte brut" id={`${id}-text`} aria-controls={`${id}-panel`} sx={{ minHeight: 40 }} /> : null}
      </Tabs>
      <Box role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${view}`}>
        {view === 'html' && html ? (
          <EmailHtmlFrame html={html} title={`Courriel : ${subject}`} />
        ) : (
          <EmailText text={text ?? ''} label={`Texte du courriel : ${subject}`} />
        )}
      </Box>
    </Box>
  );
}
