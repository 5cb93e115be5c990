// A tiny recording endpoint for browser tests: what an LRS or a CDS service would receive.
//   POST /__test/sink/<name>[...]          → 200 and the body kept (xAPI statements answer with their ids)
//   POST with ?fail=<status> (or after PUT /__test/sink-fail/<name>?status=503) → that status, nothing kept
//   PUT /__test/sink-refuse/<name>?contains=x → POSTs whose body contains x get 400 (an invalid statement)
//   GET  /__test/sunk/<name>              → JSON array of { path, headers, body } received so far
//   GET  /__test/sink/<name>/statements   → the statements POSTed to <name> as xAPI StatementResult pages
//        (?limit, `more`); with a failing status set, pages after the first answer that status (a partial read)
//   DELETE /__test/sunk/<name>            → forget
const received = new Map();
const failing = new Map();
// name → substring: a POST whose body contains it is refused with 400 (an LRS rejecting an invalid statement).
const refusing = new Map();

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

export function recorderMiddleware() {
  return async function recorder(ctx, next) {
    const url = new URL(ctx.url, 'http://localhost');
    const sink = /^\/__test\/sink\/([\w-]+)(\/.*)?$/.exec(url.pathname);
    const sunk = /^\/__test\/sunk\/([\w-]+)$/.exec(url.pathname);
    const fail = /^\/__test\/sink-fail\/([\w-]+)$/.exec(url.pathname);
    const refuse = /^\/__test\/sink-refuse\/([\w-]+)$/.exec(url.pathname);
    if (refuse && ctx.method === 'PUT') {
      const contains = url.searchParams.get('contains');
      if (contains) refusing.set(refuse[1], contains);
      else refusing.delete(refuse[1]);
      ctx.body = { ok: true };
      return;
    }
    if (fail && ctx.method === 'PUT') {
      const status = Number(url.searchParams.get('status') ?? 0);
      if (status) failing.set(fail[1], status);
      else failing.delete(fail[1]);
      ctx.body = { ok: true };
      return;
    }
    if (sink && ctx.method === 'GET' && sink[2] === '/statements') {
      const all = (received.get(sink[1]) ?? []).flatMap((r) => (Array.isArray(r.body) ? r.body : [r.body]));
      const limit = Math.min(Number(url.searchParams.get('limit')) || 100, 1000);
      const from = Number(url.searchParams.get('from')) || 0;
      const status = failing.get(sink[1]);
      if (status && from > 0) {
        ctx.status = status;
        ctx.body = { error: 'failing on purpose' };
        return;
      }
      const next = new URLSearchParams(url.searchParams);
      next.set('from', String(from + limit));
      ctx.set('X-Experience-API-Version', '1.0.3');
      ctx.body = { statements: all.slice(from, from + limit), more: from + limit < all.length ? `${url.pathname}?${next}` : '' };
      return;
    }
    if (sink && ctx.method === 'POST') {
      const body = await readBody(ctx.req);
      const refused = refusing.get(sink[1]);
      if (refused && body.includes(refused)) {
        ctx.status = 400;
        ctx.body = { error: 'invalid statement' };
        return;
      }
      const status = Number(url.searchParams.get('fail') ?? failing.get(sink[1]) ?? 0);
      if (status) {
        ctx.status = status;
        ctx.body = { error: 'failing on purpose' };
        return;
      }
      let parsed;
      try {
        parsed = JSON.parse(body);
      } catch {
        parsed = body;
      }
      if (!received.has(sink[1])) received.set(sink[1], []);
      received.get(sink[1]).push({ path: sink[2] ?? '/', headers: { 'content-type': ctx.get('content-type'), 'x-experience-api-version': ctx.get('x-experience-api-version'), authorization: ctx.get('authorization') }, body: parsed });
      ctx.status = 200;
      ctx.body = Array.isArray(parsed) ? parsed.map((s) => s?.id ?? null) : {};
      return;
    }
    if (sunk) {
      if (ctx.method === 'DELETE') received.delete(sunk[1]);
      ctx.body = received.get(sunk[1]) ?? [];
      return;
    }
    return next();
  };
}
