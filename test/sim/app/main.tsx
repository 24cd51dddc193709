/** @jsxImportSource react */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { lang } from './runtime';
import './styles/base.css';
import './styles/shell.css';
import './styles/wizard.css';

// The driver reads the locale from <html lang>, so it must be set before anything renders.
document.documentElement.lang = lang;

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
