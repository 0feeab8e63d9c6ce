// Preloaded by a server test (NODE_OPTIONS=--import): the second worker of a cluster blocks for 4 s
// before loading the server, so that the primary disconnects it while it is still starting.
import cluster from 'node:cluster';

if (cluster.isWorker && cluster.worker.id === 2) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 4000);
