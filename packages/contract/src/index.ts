export * from './error.js';
export * from './supervision.js';
