// Static scan of the Electron app with Electronegativity (issue 12, ADR 0018).
//
// Scans what ships and where it comes from: the main and preload sources, the renderer sources,
// and the built main, preload and index.html (out/). The renderer's bundled assets are left out:
// they are the same renderer sources plus libraries that never touch Electron.
//
// Fails on any HIGH or MEDIUM finding that security/electronegativity-allow.json does not explain,
// and on allowlist entries that no longer match a finding (stale explanations hide new ones).
// Offline by construction: Electronegativity fetches translations and Electron's release list
// with `got`; we hand it a `got` that refuses at once, skip the release-list check (ADR 0008
// keeps Electron current), and a watchdog ends the run if it ever stalls anyway.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ALLOWLIST = join(ROOT, 'security/electronegativity-allow.json');
const WATCHDOG_MS = 120_000;
const FAILING = new Set(['HIGH', 'MEDIUM']);
/** Needs the network (Electron's release list); Electron's currency is ADR 0008's business. */
const SKIPPED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** Repository paths scanned; directories are copied without their tests. */
const SOURCES = ['src-main', 'src-renderer'];
const BUILT = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

const watchdog = setTimeout(() => {
  console.error(`scan:electron: no result after ${WATCHDOG_MS / 1000} s, giving up`);
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();

const isScanned = (path) =>
  !/\.test\.tsx?$/.test(path) && !path.includes(`${join('src-renderer', 'testing')}`);

function stage() {
  const missing = BUILT.filter((path) => !existsSync(join(ROOT, path)));
  if (missing.length > 0) {
    throw new Error(`missing ${missing.join(', ')}: run \`npm run build\` first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'quire-scan-'));
  for (const path of SOURCES) {
    cpSync(join(ROOT, path), join(dir, path), {
      recursive: true,
      filter: (source) => isScanned(relative(ROOT, source)),
    });
  }
  for (const path of BUILT) cpSync(join(ROOT, path), join(dir, path));
  return dir;
}

function offlineElectronegativity() {
  const require = createRequire(import.meta.url);
  const base = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const gotPath = require.resolve('got', { paths: [base] });
  const refuse = () => Promise.reject(new Error('scan:electron runs offline'));
  refuse.head = refuse;
  refuse.default = refuse;
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: refuse };
  return require(base);
}

/** Same check, same file, same code line (when the finding has one): explained. */
export function classify(issues, allowlist) {
  const used = new Set();
  const findings = issues.map((issue) => {
    const finding = {
      check: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file,
      line: issue.location.line,
      code: issue.sample ?? null,
    };
    const index = allowlist.findIndex(
      (entry) =>
        entry.check === finding.check &&
        entry.file === finding.file &&
        (entry.code === undefined || entry.code === finding.code),
    );
    if (index >= 0) used.add(index);
    return { ...finding, reason: index >= 0 ? allowlist[index].reason : null };
  });
  const stale = allowlist.filter((_entry, index) => !used.has(index));
  return { findings, stale };
}

function readAllowlist() {
  const { findings } = JSON.parse(readFileSync(ALLOWLIST, 'utf8'));
  for (const entry of findings) {
    if (!entry.check || !entry.file || !entry.reason?.trim()) {
      throw new Error(`${relative(ROOT, ALLOWLIST)}: every entry needs check, file and reason`);
    }
  }
  return findings;
}

async function main() {
  const started = Date.now();
  const require = createRequire(import.meta.url);
  const electronVersion = require('electron/package.json').version;
  const run = offlineElectronegativity();
  const dir = stage();
  const log = console.log;
  let result;
  try {
    // Electronegativity announces the translation fetch we refused; nothing else is printed.
    console.log = (...args) => {
      if (!String(args[0]).startsWith('Could not retrieve updated translations')) log(...args);
    };
    result = await run({
      input: dir,
      isRelative: true,
      excludeFromScan: SKIPPED_CHECKS,
      electronVersionOverride: electronVersion,
    });
  } finally {
    console.log = log;
    rmSync(dir, { recursive: true, force: true });
  }
  const fatalErrors = result.errors.filter((error) => !error.tolerable);
  const { findings, stale } = classify(result.issues, readAllowlist());
  const unexplained = findings.filter((f) => FAILING.has(f.severity) && f.reason === null);

  const bySeverity = {};
  for (const f of findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  const order = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'];
  const counts = order.map((s) => `${s.toLowerCase()} ${bySeverity[s] ?? 0}`).join(', ');
  const explained = findings.filter((f) => f.reason !== null).length;
  console.log(
    `Electronegativity ${require('@doyensec/electronegativity/package.json').version}` +
      ` (Electron ${electronVersion}, ${result.globalChecks + result.atomicChecks} checks,` +
      ` skipped: ${SKIPPED_CHECKS.join(', ')})`,
  );
  for (const f of findings) {
    const where = f.file === 'N/A' ? 'whole app' : `${f.file}:${f.line}`;
    const mark =
      f.reason !== null ? 'explained' : FAILING.has(f.severity) ? 'UNEXPLAINED' : 'noted';
    console.log(`  ${f.severity.padEnd(6)} ${f.check} ${where} [${mark}]`);
    if (f.reason !== null) console.log(`         ${f.reason}`);
  }
  console.log(
    `Findings: ${findings.length} (${counts}); explained ${explained}; ` +
      `unexplained high/medium ${unexplained.length}; ${Date.now() - started} ms`,
  );
  let failed = false;
  if (unexplained.length > 0) {
    failed = true;
    console.error(
      `scan:electron: ${unexplained.length} high/medium finding(s) need a fix or an entry ` +
        `(check, file, code, reason) in ${relative(ROOT, ALLOWLIST)}`,
    );
  }
  for (const entry of stale) {
    failed = true;
    console.error(`scan:electron: stale allowlist entry, remove it: ${entry.check} ${entry.file}`);
  }
  for (const error of fatalErrors) {
    failed = true;
    console.error(`scan:electron: could not parse ${error.file}: ${error.message}`);
  }
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`scan:electron: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
