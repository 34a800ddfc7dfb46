import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveBridge } from './bridge';
import { createQueryClient } from './data/client';
import { createI18n, rememberLanguage } from './i18n';
import { installPrintStyle } from './lib/print/print';
import { Root } from './Root';
import './styles.css';
import './print.css';

installPrintStyle();
const i18n = createI18n();
rememberLanguage(i18n.language as 'en' | 'mr' | 'hi');
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Root bridge={resolveBridge()} queryClient={createQueryClient()} i18n={i18n} />
  </StrictMode>,
);
