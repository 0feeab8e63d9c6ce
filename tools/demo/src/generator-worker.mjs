// The demo generator thread's entry: Node cannot load TypeScript by itself.
import { register } from 'tsx/esm/api';

register();
await import('./generator-worker.ts');
