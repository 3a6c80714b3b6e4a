// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Modules that tie code to a platform; src-core must stay free of all of them (DESIGN §1). */
const platformModules = [
  'electron',
  'electron/*',
  'dexie',
  'dexie-react-hooks',
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  'fs',
  'fs/*',
  'path',
  'crypto',
  'os',
  'child_process',
  'url',
  'http',
  'https',
  'stream',
  'util',
  'buffer',
  'worker_threads',
];

/** Globals that only exist in a browser or in Node. */
const platformGlobals = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'fetch',
  'XMLHttpRequest',
  'DOMParser',
  'HTMLElement',
  'Element',
  'Node',
  'crypto',
  'process',
  'Buffer',
  'require',
  '__dirname',
  '__filename',
  'global',
].map((name) => ({
  name,
  message: 'src-core is platform-free: receive what you need as a parameter (DESIGN §1).',
}));

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist-web/**',
      'test-results/**',
      'playwright-report/**',
      '.scratch/**',
      'resources/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer reaches the main process only through host/.',
            },
          ],
          patterns: [
            {
              regex: 'src-main/(?!ipc/contract(?:\\.ts)?$)',
              message: 'Only the IPC contract is shared with src-main.',
            },
            { group: ['node:*'], message: 'The renderer is sandboxed: no Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/features/**/*.{ts,tsx}', 'src-renderer/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer reaches the main process only through host/.',
            },
            { name: 'dexie', message: 'Features reach IndexedDB only through db/ repositories.' },
          ],
          patterns: [
            {
              regex: 'src-main/(?!ipc/contract(?:\\.ts)?$)',
              message: 'Only the IPC contract is shared with src-main.',
            },
            { group: ['node:*'], message: 'The renderer is sandboxed: no Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-core/**/*.ts'],
    ignores: ['src-core/**/*.test.ts', 'src-core/testing/**'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: platformModules.map((name) => ({
            name,
            message: 'src-core is platform-free: no Node, Electron, Dexie or React (DESIGN §1).',
          })),
          patterns: [
            {
              group: ['node:*'],
              message: 'src-core is platform-free: no Node built-ins (DESIGN §1).',
            },
            {
              group: ['**/src-main/**', '**/src-renderer/**', '**/bench/**', '**/e2e/**'],
              message: 'src-core imports nothing from the other folders (DESIGN §1).',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...platformGlobals],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
);
