import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectConsoleApi } from './api/connect';
import { App } from './App';
import { start } from './stores/session-actions';
import './styles.css';

void start(connectConsoleApi());
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
