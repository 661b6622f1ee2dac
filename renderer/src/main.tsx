import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { chooseTransport } from './api/choose-transport';
import { createI18n } from './i18n/i18n';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/table.css';
import './styles/reconcile.css';
import './styles/disputes.css';
import './styles/print.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root');

// Chosen before the first render: the token must leave the address bar at once.
const transport = chooseTransport();
const i18n = createI18n();

createRoot(container).render(
  <StrictMode>
    <App transport={transport} i18n={i18n} />
  </StrictMode>,
);
