export * from './accounts.js';
export { DEFAULT_DEMO_DOSSIERS, isDatabaseEmpty, type SeedOptions, seedDemoData } from './seed.js';
