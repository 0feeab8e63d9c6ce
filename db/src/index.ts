export * from './connection.js';
export * from './file-store.js';
export * from './passwords.js';
export * as schema from './schema.js';
