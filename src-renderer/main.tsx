import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectConsoleApi } from './api/connect';
import { App } from './App';
import { setApi } from './stores/console-store';
import { start } from './stores/actions';
import './styles.css';

setApi(connectConsoleApi());
void start();
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
