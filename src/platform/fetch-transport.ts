import type { HttpRequest, HttpResponse, HttpTransport } from '../core/adapters.js';

/**
 * The core's HTTP transport over the platform's `fetch` (browsers, workers and Node 20 all have one). Requests go
 * with the page's own credentials policy only for its own origin (`same-origin`): an LRS or CDS service on another
 * origin gets exactly the headers the core sets (e.g. the LRS's Authorization), never the EHR's cookies.
 */
export function fetchTransport(fetchImpl: typeof fetch = (...args) => fetch(...args)): HttpTransport {
  return async ({ url, method, headers, body, signal }: HttpRequest): Promise<HttpResponse> => {
    const response = await fetchImpl(url, { method, headers, body, signal, credentials: 'same-origin' });
    return { status: response.status, headers: Object.fromEntries(response.headers.entries()), text: await response.text() };
  };
}
