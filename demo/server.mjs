// The demo's web server: serves the demo EHR page, the built library (dist/) and the synthetic patients, on
// loopback only, under the strict Content-Security-Policy an EHR would set — including Trusted Types — so the
// demo proves the library runs there. Used by `npm start` and by the end-to-end tests.
import { createServer } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createSandbox } from '../sandbox/sandbox.mjs';
import { demoOlderAdultBundle } from '../sandbox/demo-patient.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
  "form-action 'self'",
  "require-trusted-types-for 'script'",
  // lit-html's policy renders templates; ehr-guide's only admits its own FHIRPath worker. No other policy may exist.
  'trusted-types lit-html ehr-guide',
].join('; ');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.map': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png' };
// Only these folders are served; nothing else of the checkout is reachable.
/** The hand-made living older adult (sandbox/demo-patient.mjs), dated relative to today. */
const DEMO_PATIENT_URL = '/fixtures/demo/Rosa_Alvarez_demo-older-adult.json';
const MOUNTS = { '/dist/': 'dist', '/fixtures/synthea/': 'test/fixtures/synthea', '/demo/': 'demo', '/packs/': 'packs', '/app/': 'dist/app' };

async function bundle(entry) {
  const result = await build({ entryPoints: [join(root, entry)], bundle: true, format: 'esm', target: 'es2022', write: false, sourcemap: 'inline', tsconfig: join(root, 'tsconfig.json') });
  return result.outputFiles[0].text;
}
const bundleApp = () => bundle('demo/app.ts');
let workerText;
const reportWorker = async () => (workerText ??= await bundle('src/platform/report.worker.ts'));

/**
 * Starts the demo server on `port` (0 = a free port) and resolves to `{ url, close }`. Tests may pass another
 * `csp` (the header every response carries) and extra `mounts` (URL prefix → folder of the checkout).
 */
export async function startDemoServer({ port = 0, host = '127.0.0.1', csp = CSP, mounts = {} } = {}) {
  const allMounts = { ...MOUNTS, ...mounts };
  let app = await bundleApp();
  let report = await bundle('demo/report.ts');
  let lesson = await bundle('demo/lesson.ts');
  // The embedded sandbox EHR (SMART authorization + FHIR server) shares this origin.
  const sandbox = await createSandbox();
  const server = createServer(async (req, res) => {
    if (await sandbox.handle(req, res)) return;
    const headers = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' };
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = decodeURIComponent(url.pathname);
      if (path === '/' || path === '/index.html') path = '/demo/index.html';
      if (path === '/demo/app.js') {
        if (process.env.EHR_DEMO_WATCH) app = await bundleApp();
        res.writeHead(200, { ...headers, 'Content-Type': TYPES['.js'] });
        return res.end(app);
      }
      if (path === '/demo/report.js') {
        if (process.env.EHR_DEMO_WATCH) report = await bundle('demo/report.ts');
        res.writeHead(200, { ...headers, 'Content-Type': TYPES['.js'] });
        return res.end(report);
      }
      if (path === '/demo/lesson.js') {
        if (process.env.EHR_DEMO_WATCH) lesson = await bundle('demo/lesson.ts');
        res.writeHead(200, { ...headers, 'Content-Type': TYPES['.js'] });
        return res.end(lesson);
      }
      if (path === '/demo/report.worker.js') {
        // The report's worker, beside the bundled page script (new URL('./report.worker.js', import.meta.url)).
        res.writeHead(200, { ...headers, 'Content-Type': TYPES['.js'] });
        return res.end(await reportWorker());
      }
      if (path === '/favicon.ico') {
        res.writeHead(204, headers);
        return res.end();
      }
      if (path === '/__ehr/launch' && req.method === 'POST') {
        // What the EHR does before opening an app: record the launch context, hand back an opaque id.
        const chunks = [];
        for await (const chunk of req) chunks.push(chunk);
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        if (!sandbox.patients.some((p) => p.id === body.patient)) throw Object.assign(new Error('unknown patient'), { status: 404 });
        const launch = sandbox.createLaunch({ patient: body.patient, user: body.user ?? 'Practitioner/dr-demo', ...(body.fhirContext ? { fhirContext: body.fhirContext } : {}), ...(body.intent ? { intent: body.intent } : {}) });
        res.writeHead(200, { ...headers, 'Content-Type': TYPES['.json'] });
        return res.end(JSON.stringify({ launch, iss: sandbox.fhirBaseUrl }));
      }
      if (path === '/__ehr/risk') {
        // The EHR's own chart shows the deterioration model's latest output for the patient.
        const id = url.searchParams.get('patient') ?? '';
        const ra = await sandbox.read('RiskAssessment', `deterioration-${id}`).catch(() => null);
        if (!ra) throw Object.assign(new Error('not found'), { status: 404 });
        res.writeHead(200, { ...headers, 'Content-Type': TYPES['.json'] });
        return res.end(JSON.stringify(ra));
      }
      if (path === '/demo/patients.json') {
        const files = (await readdir(join(root, 'test/fixtures/synthea'))).filter((f) => f.endsWith('.json')).sort();
        res.writeHead(200, { ...headers, 'Content-Type': TYPES['.json'] });
        return res.end(JSON.stringify([...files.map((f) => `/fixtures/synthea/${f}`), DEMO_PATIENT_URL]));
      }
      if (path === DEMO_PATIENT_URL) {
        res.writeHead(200, { ...headers, 'Content-Type': TYPES['.json'] });
        return res.end(JSON.stringify(demoOlderAdultBundle()));
      }
      const mount = Object.keys(allMounts).find((prefix) => path.startsWith(prefix));
      if (!mount) throw Object.assign(new Error('not found'), { status: 404 });
      const base = join(root, allMounts[mount]);
      const file = normalize(join(base, path.slice(mount.length)));
      if (!file.startsWith(base + sep) || file.endsWith('.ts') || file.endsWith('.mjs')) throw Object.assign(new Error('not found'), { status: 404 });
      if (!(await stat(file)).isFile()) throw Object.assign(new Error('not found'), { status: 404 });
      res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(await readFile(file));
    } catch (error) {
      const status = error.status ?? (error.code === 'ENOENT' ? 404 : 500);
      res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(status === 404 ? 'Not found' : 'Server error');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const origin = `http://${host}:${address.port}`;
  sandbox.setBaseUrl(origin);
  sandbox.registerClient('ehr-guide', [`${origin}/app/index.html`]);
  return {
    url: `${origin}/`,
    fhirBaseUrl: sandbox.fhirBaseUrl,
    sandbox,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
