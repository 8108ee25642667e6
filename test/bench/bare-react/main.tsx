// The benchmark baseline: a bare Vite + React page that renders one element.
// No JSX and no DOM types here, because the Node typecheck (tsconfig.node.json) covers test/bench
// without the DOM library or a jsx setting; vite builds it all the same.
import { StrictMode, createElement } from 'react';
import { createRoot } from 'react-dom/client';

type Container = Parameters<typeof createRoot>[0];
const { document } = globalThis as unknown as { document: { getElementById(id: string): Container | null } };

createRoot(document.getElementById('root')!).render(createElement(StrictMode, null, createElement('p', { 'data-testid': 'bare-element' }, 'Bare React page')));
