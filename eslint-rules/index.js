// The project's own ESLint plugin, registered in eslint.config.js as `tapeops`.
import { layering } from './layering.js';

/** @type {import('eslint').ESLint.Plugin} */
const plugin = {
  meta: { name: 'eslint-plugin-tapeops' },
  rules: { layering },
};

export default plugin;
