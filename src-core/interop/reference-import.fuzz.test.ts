import { describe } from 'vitest';
import { fuzzTest } from '../testing/fuzz-test.ts';

// Fuzzing of the reference-file importers (testing/fuzz-targets/references.ts; harness:
// testing/fuzz.ts). Each test fails with the counterexample, saved to a file, when a case throws
// anything but a ReferenceImportError with a readable message, returns an entry a library
// cannot hold or tags the tag rule would not give, or overruns its time budget.

const targets = new URL('../testing/fuzz-targets/references.ts', import.meta.url);

describe('importReferenceFile under fuzzing', () => {
  fuzzTest(
    'BibTeX and BibLaTeX files: entries with a title, author, DOI, URL or container and clean tags, problems with reasons, or a ReferenceImportError',
    targets,
    'bibtexImport',
  );
  fuzzTest(
    'RIS files: entries with a title, author, DOI, URL or container and clean tags, problems with reasons, or a ReferenceImportError',
    targets,
    'risImport',
  );
  fuzzTest(
    'CSL-JSON files: entries with a title, author, DOI, URL or container and clean tags, problems with reasons, or a ReferenceImportError',
    targets,
    'cslJsonImport',
  );
});
