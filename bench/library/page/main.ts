/**
 * The bench page: window.benchApi for bench/library.ts (see api.ts). Served on the same origin
 * as the web app (the app at /, this page at /bench/), so both see the same IndexedDB.
 */
import type { BenchApi } from '../api.ts';
import { closeBaseline, fullScanSearch, importBulkPutBaseline } from './baselines.ts';
import { miniSearch } from './minisearch.ts';
import {
  check,
  closeQuire,
  hasQuireSearch,
  importQuire,
  indexMb,
  quireSearch,
  updateOne,
} from './quire.ts';
import { heapAfterGcMb, toMb } from './stats.ts';

const api: BenchApi = {
  hasQuireSearch,
  async storage() {
    const { usage, quota } = await navigator.storage.estimate();
    return {
      usageMb: usage === undefined ? null : toMb(usage),
      quotaMb: quota === undefined ? null : toMb(quota),
    };
  },
  heapMb: heapAfterGcMb,
  importBulkPutBaseline,
  fullScanSearch,
  miniSearch,
  importQuire,
  quireSearch,
  updateOne,
  indexMb,
  check,
  async close() {
    closeQuire();
    closeBaseline();
  },
};

window.benchApi = api;
document.body.dataset.ready = 'true';
console.log(`bench page ready (Quire search ${hasQuireSearch() ? 'built in' : 'missing'})`);
