export { BackupError, backupDataDir, restoreDataDir } from './backup.js';
export * from './connection.js';
export * from './deferred-indexes.js';
export * from './file-store.js';
export * from './passwords.js';
export * from './reference-prefectures.js';
export * as schema from './schema.js';
export * from './search-index.js';
export * from './stored-codes.js';
