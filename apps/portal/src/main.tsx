import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import './i18n';
import { App } from './app/App';
import { api } from './api';

// Resume a stored session before the first screen decides between login and home.
void api.restore();
// Signing out in one tab signs out the others.
window.addEventListener('storage', (e) => api.syncFromStorage(e.key));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
