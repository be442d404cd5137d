import '@fontsource-variable/inter';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import 'prosemirror-view/style/prosemirror.css';
import 'prosemirror-gapcursor/style/gapcursor.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App.js';
import { i18n } from './i18n/index.js';
import { TranslationProvider } from './i18n/useTranslation.js';
import { prefetchPlanFromAddress } from './plan/prefetch.js';
import { startSessionCheck } from './session/sessionCheck.js';

startSessionCheck();
prefetchPlanFromAddress(window.location.pathname);

const root = document.getElementById('root');
if (!root) throw new Error('No #root element');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <TranslationProvider>
        <App />
      </TranslationProvider>
    </I18nextProvider>
  </StrictMode>,
);
