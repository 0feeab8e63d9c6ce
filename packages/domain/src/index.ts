export * from './statuses.js';
export * from './pieces.js';
export * from './paris-time.js';
export * from './holidays.js';
export * from './deadline.js';
export * from './numero.js';
export * from './password.js';
export * from './predemande.js';
