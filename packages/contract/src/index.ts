export * from './account.js';
export * from './countries.js';
export * from './demande.js';
export * from './error.js';
