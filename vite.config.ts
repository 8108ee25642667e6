import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // the CSP allows no inline script or style, so nothing may be inlined as a data: module
    assetsInlineLimit: 0,
  },
});
