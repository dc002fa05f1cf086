import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { watchFrameBudget } from './lib/frame-budget.js';
import './styles.css';

// While developing, the console counts its own long tasks and janky frames (off in production builds).
if (import.meta.env.DEV) watchFrameBudget();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
