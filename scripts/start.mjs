// npm start: installs what is missing, builds the library, and serves the demo EHR page on loopback.
import { spawnSync } from 'node:child_process';
import { ensureDependencies } from './ensure.mjs';

try {
  ensureDependencies();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const { startDemoServer } = await import('../demo/server.mjs');
const port = Number(process.env.PORT ?? 8080);
let server;
try {
  server = await startDemoServer({ port });
} catch (error) {
  if (error.code !== 'EADDRINUSE') throw error;
  server = await startDemoServer({ port: 0 }); // the usual port is taken: use any free one
}
console.log(`\nehr-guide demo EHR running at ${server.url}`);
console.log('Open it in a browser: choose a patient, hover flagged results, open the beacons, press "Take the tour"');
console.log('on the order form, read the AI output and the CDS cards below it (agree or override), and press');
console.log('"Open ehr-guide (SMART app)" (or the AI risk badge) for a real SMART EHR launch. Ctrl+C stops it.');
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
