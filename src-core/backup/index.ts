export * from './format.ts';
export { readBackupArchive, type BackupContents, type ReadOptions } from './reader.ts';
export {
  recordKey,
  writeBackupArchive,
  type BackupInput,
  type BackupStoreInput,
  type WriteOptions,
} from './writer.ts';
