import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';

// The layering of DESIGN §1 is only real if the linter refuses to let it break.
const eslint = new ESLint({ cwd: join(import.meta.dirname, '..') });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", 'node built-in'],
    ["import fs from 'fs';\nexport const x = fs;", 'bare node module'],
    ["import { app } from 'electron';\nexport const x = app;", 'Electron'],
    ["import Dexie from 'dexie';\nexport const x = Dexie;", 'Dexie'],
    ["import { useState } from 'react';\nexport const x = useState;", 'React'],
    ["import { x } from '../../src-renderer/db/index.ts';\nexport const y = x;", 'the renderer'],
  ])('src-core may not import %s (%s)', async (code) => {
    expect(await ruleIds(code, 'src-core/article/bad.ts')).toContain('no-restricted-imports');
  });

  it.each([
    ['document.title'],
    ['window.alert("x")'],
    ['localStorage.getItem("k")'],
    ['process.exit(1)'],
    ['fetch("/x")'],
  ])('src-core may not touch the platform global in %s', async (expr) => {
    expect(await ruleIds(`export const f = () => ${expr};\n`, 'src-core/article/bad.ts')).toContain(
      'no-restricted-globals',
    );
  });

  it('src-core may import its own modules and citation-js', async () => {
    const code =
      "import { Cite } from '@citation-js/core';\nimport type { CslItem } from './model.ts';\nexport const f = (i: CslItem) => new Cite(i);\n";
    expect(await ruleIds(code, 'src-core/citation/ok.ts')).toEqual([]);
  });

  it('renderer features may not reach Dexie or Electron directly', async () => {
    expect(
      await ruleIds(
        "import Dexie from 'dexie';\nexport const x = Dexie;\n",
        'src-renderer/features/library/bad.ts',
      ),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
        'src-renderer/host/bad.ts',
      ),
    ).toContain('no-restricted-imports');
  });

  it('the db layer may use Dexie', async () => {
    expect(
      await ruleIds(
        "import Dexie from 'dexie';\nexport const x = Dexie;\n",
        'src-renderer/db/ok.ts',
      ),
    ).toEqual([]);
  });
});

describe('the IPC contract is the one file the renderer shares with src-main', () => {
  it('allows the contract and refuses anything else from src-main', async () => {
    const ok =
      "import type { QuireApi } from '../../src-main/ipc/contract.ts';\nexport type X = QuireApi;\n";
    expect(await ruleIds(ok, 'src-renderer/host/ok.ts')).toEqual([]);
    const bad = "import { HELP } from '../../src-main/cli/main.ts';\nexport const x = HELP;\n";
    expect(await ruleIds(bad, 'src-renderer/host/bad.ts')).toContain('no-restricted-imports');
  });
});
