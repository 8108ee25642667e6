// `tapeops/layering`: every import of a file checked against a table of layers (eslint-rules/layers.js),
// in the manner of VS Code's `code-layering`. Relative imports are resolved to the folder they land
// in; bare ones are Node built-ins or npm packages. Files outside every layer (test/, scripts/) are
// not checked.
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * One row of the table.
 * @typedef {object} Layer
 * @property {string} name how other rows and the messages name it
 * @property {string} folder its folder, relative to the root, with `/`
 * @property {string[]} imports the other layers its files may import
 * @property {string} [entry] when set, other layers may import only this file of it (e.g. `index.ts`)
 * @property {boolean} [nodeBuiltins] whether it may import Node's built-in modules (default true)
 * @property {string[]} [packages] when set, the only npm packages it may import
 */

/**
 * The rule's one option.
 * @typedef {object} Options
 * @property {string} root the absolute folder that `folder`s are relative to
 * @property {Layer[]} layers
 * @property {string[]} [layeredRoots] folders in which every file must belong to a layer
 */

const builtins = new Set(builtinModules);
const codeExtension = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/** @param {string} specifier */
function isNodeBuiltin(specifier) {
  return specifier.startsWith('node:') || builtins.has(specifier.split('/')[0] ?? '');
}

/** @param {string} specifier */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** @param {string} path a root-relative path with `/` @param {string} folder */
function isUnder(path, folder) {
  return path === folder || path.startsWith(`${folder}/`);
}

/** @param {Layer[]} layers */
function checkTable(layers) {
  const names = new Set(layers.map((layer) => layer.name));
  for (const layer of layers) {
    for (const name of layer.imports) {
      if (!names.has(name)) throw new Error(`tapeops/layering: layer "${layer.name}" imports "${name}", which is not in the table`);
    }
  }
}

/** @type {import('eslint').Rule.RuleModule} */
export const layering = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the table of layers: each folder imports only the folders below it.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          layeredRoots: { type: 'array', items: { type: 'string' } },
          layers: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                folder: { type: 'string' },
                imports: { type: 'array', items: { type: 'string' } },
                entry: { type: 'string' },
                nodeBuiltins: { type: 'boolean' },
                packages: { type: 'array', items: { type: 'string' } },
              },
              required: ['name', 'folder', 'imports'],
              additionalProperties: false,
            },
          },
        },
        required: ['root', 'layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden: '{{from}} may not import {{to}} ("{{specifier}}"): {{from}} imports only {{allowed}}.',
      outside: '{{from}} may not import "{{specifier}}", which lies in no layer: {{from}} imports only {{allowed}}.',
      entry: '{{to}} is reached only through {{entry}}, not "{{specifier}}".',
      nodeBuiltin: '{{from}} may not import the Node module "{{specifier}}".',
      package: '{{from}} may not import the package "{{specifier}}": it imports only {{packages}}.',
      unlayered: '{{file}} lies in no layer of the table (eslint-rules/layers.js): add its folder there.',
    },
  },

  create(context) {
    const /** @type {Options} */ options = context.options[0];
    const layers = [...options.layers].sort((a, b) => b.folder.length - a.folder.length);
    checkTable(layers);

    /** @param {string} absolute */
    const rootRelative = (absolute) => relative(options.root, absolute).split(sep).join('/');
    /** @param {string} path */
    const layerOf = (path) => layers.find((layer) => isUnder(path, layer.folder));

    const file = rootRelative(context.filename);
    if (file.startsWith('..') || isAbsolute(file)) return {};
    const from = layerOf(file);
    if (!from) {
      if (!(options.layeredRoots ?? []).some((folder) => isUnder(file, folder))) return {};
      return { Program: (node) => context.report({ node, messageId: 'unlayered', data: { file } }) };
    }
    const allowed = [from.name, ...from.imports].join(', ');

    /** @param {import('estree').Node} node @param {string} specifier */
    function check(node, specifier) {
      const bare = specifier.replace(/[?#].*$/, '');
      if (bare.startsWith('.') || bare.startsWith('/')) return checkPath(node, specifier, bare);
      if (isNodeBuiltin(bare)) {
        if (from.nodeBuiltins === false) context.report({ node, messageId: 'nodeBuiltin', data: { from: from.name, specifier } });
        return;
      }
      if (from.packages && !from.packages.includes(packageName(bare))) {
        context.report({ node, messageId: 'package', data: { from: from.name, specifier, packages: from.packages.join(', ') || 'none' } });
      }
    }

    /** @param {import('estree').Node} node @param {string} specifier @param {string} bare */
    function checkPath(node, specifier, bare) {
      const target = rootRelative(resolve(dirname(context.filename), bare));
      const to = layerOf(target);
      if (to === from) return;
      if (!to) return context.report({ node, messageId: 'outside', data: { from: from.name, specifier, allowed } });
      if (!from.imports.includes(to.name)) return context.report({ node, messageId: 'forbidden', data: { from: from.name, to: to.name, specifier, allowed } });
      if (to.entry) {
        const entry = `${to.folder}/${to.entry}`;
        const wanted = target.replace(codeExtension, '');
        if (wanted !== to.folder && wanted !== entry.replace(codeExtension, '')) context.report({ node, messageId: 'entry', data: { to: to.name, entry, specifier } });
      }
    }

    /** @param {import('estree').Node | null | undefined} source */
    function checkSource(source) {
      if (source?.type === 'Literal' && typeof source.value === 'string') check(source, source.value);
      if (source?.type === 'TemplateLiteral' && source.expressions.length === 0) check(source, source.quasis[0]?.value.cooked ?? '');
    }

    return {
      ImportDeclaration: (node) => checkSource(node.source),
      ExportNamedDeclaration: (node) => checkSource(node.source),
      ExportAllDeclaration: (node) => checkSource(node.source),
      ImportExpression: (node) => checkSource(node.source),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') checkSource(/** @type {import('estree').Node} */ (node.arguments[0]));
      },
      // TypeScript's own forms: `import x = require('…')` and the type `import('…').T`.
      /** @param {any} node */
      TSExternalModuleReference: (node) => checkSource(node.expression),
      /** @param {any} node */
      TSImportType: (node) => checkSource(node.source),
    };
  },
};
