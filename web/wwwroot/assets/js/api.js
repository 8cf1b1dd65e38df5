// The HTTP contract as the pages use it. A refusal becomes an ApiError carrying the problem details (status,
// detail, errors[{path, message}]); a network failure stays a TypeError, which the judge page treats as "offline".
// In a cluster (nodes.js) a network failure first moves the call to the next node; only when no node answers does
// the TypeError reach the page. Only calls that are safe to repeat move on by themselves (reads, sign-ins, sheets,
// which carry their submissionId): a penalty or a stage call that reached a dying node may have been applied, so
// it fails visibly instead, and the next call goes to the next node.
import * as nodes from './nodes.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.errors = problem?.errors ?? [];
  }
}

export async function request(token, method, path, body, { raw = false } = {}) {
  const headers = {};
  if (token) headers.authorization = 'Bearer ' + token;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const init = { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) };
  const repeatable = method === 'GET' || /\/scores$|^\/api\/auth\//.test(path);
  const tried = new Set();
  let response;
  for (;;) {
    const at = nodes.base();
    try {
      response = await fetch(at + path, init);
      break;
    } catch (e) {
      // Only a network failure (the node is gone), never an HTTP status: every node gives the same answers.
      if (!(e instanceof TypeError)) throw e;
      tried.add(at);
      nodes.failed(at);
      if (!repeatable || tried.has(nodes.base())) throw e;
    }
  }
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    const problem = type.includes('json') ? await response.json().catch(() => null) : null;
    throw new ApiError(response.status, problem);
  }
  if (type.includes('json') && !raw) return response.json();
  return response;
}

/** A client bound to one signed-in session. */
export function client(session) {
  const base = `/api/finals/${encodeURIComponent(session.finalId ?? '')}`;
  return {
    get: (path) => request(session.token, 'GET', path),
    post: (path, body) => request(session.token, 'POST', path, body ?? {}),
    final: (path = '') => request(session.token, 'GET', base + path),
    act: (path, body) => request(session.token, 'POST', base + path, body ?? {}),
    remove: (path) => request(session.token, 'DELETE', base + path),
    base,
  };
}

/** Downloads an authenticated file (exports) through a temporary object URL. */
export async function download(session, path, filename) {
  // raw: a JSON file (the bundle) is saved byte for byte, not parsed and written again (its hashes cover the bytes).
  const response = await request(session.token, 'GET', path, undefined, { raw: true });
  const url = URL.createObjectURL(await response.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
