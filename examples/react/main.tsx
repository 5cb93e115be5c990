import { createRoot } from 'react-dom/client';
import { version } from 'react';
import { App } from './App.js';

createRoot(document.getElementById('root')!).render(<App react={version} />);
