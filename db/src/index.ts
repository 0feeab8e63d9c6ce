export * from './connection.js';
export * from './file-store.js';
export * as schema from './schema.js';
export * from './passwords.js';
export * from './demo-accounts.js';
