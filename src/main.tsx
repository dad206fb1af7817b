import '@cloudscape-design/global-styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadRuntimeConfig } from './session/config';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

try {
  const config = await loadRuntimeConfig(`${import.meta.env.BASE_URL}config.json`);
  createRoot(root).render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
} catch (error) {
  // Without a valid config.json nothing else can work: say so plainly instead of a blank page.
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.style.cssText = 'font: 16px sans-serif; padding: 24px';
  message.textContent = `The console cannot start: ${(error as Error).message}`;
  root.replaceChildren(message);
}
