import './styles';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { i18nReady } from './i18n';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// With English chosen earlier, its texts load first (a chunk of their own), so the app never flashes Dutch.
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
