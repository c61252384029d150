// The REST client: same origin only, JSON both ways, bearer token from sessionStorage.
// Every failure is an ApiError carrying the server's {code, message} and the HTTP status.

export const API_BASE = '/hamster/api/';
const TOKEN_KEY = 'hamster.token';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

let inflight = 0;
const activityListeners = new Set();
const unauthorizedListeners = new Set();

/** Calls fn(busy) whenever requests start or all of them finish. */
export function onActivity(fn) {
  activityListeners.add(fn);
}

/** Calls fn() when a request was refused with 401 (the token is then forgotten). */
export function onUnauthorized(fn) {
  unauthorizedListeners.add(fn);
}

function activity(delta) {
  inflight += delta;
  activityListeners.forEach((fn) => fn(inflight > 0));
}

export function token() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function setToken(value) {
  try {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage disabled: the session lasts as long as the page
  }
}

export function loggedIn() {
  return !!token();
}

/** Sends one request; resolves to the parsed JSON body (null for 204), rejects with ApiError. */
export async function request(method, path, body, { auth = true } = {}) {
  const headers = { Accept: 'application/json' };
  const t = token();
  if (auth && t) headers.Authorization = `Bearer ${t}`;
  const init = { method, headers, cache: 'no-store', credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  activity(+1);
  let response;
  try {
    response = await fetch(API_BASE + path, init);
  } catch (e) {
    throw new ApiError(0, 'network', `Cannot reach the Hamster server (${e.message || e}). Is Karaf running?`);
  } finally {
    activity(-1);
  }
  const text = await response.text().catch(() => '');
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    const code = (json && json.code) || `http-${response.status}`;
    let message = (json && json.message) || '';
    if (!message) {
      message = response.status === 404
        ? `Not found: ${path}` + (path.includes('/') ? ' (is this role installed on this instance?)' : '')
        : `The server answered ${response.status} ${response.statusText}`.trim();
    }
    if (response.status === 401 && auth) {
      setToken(null);
      unauthorizedListeners.forEach((fn) => fn());
    }
    throw new ApiError(response.status, code, message);
  }
  if (text && json === null) {
    throw new ApiError(response.status, 'bad-response', `The server's answer to ${path} is not JSON`);
  }
  return json;
}

export const get = (path, opts) => request('GET', path, undefined, opts);
export const post = (path, body, opts) => request('POST', path, body, opts);
export const put = (path, body, opts) => request('PUT', path, body, opts);
export const del = (path, opts) => request('DELETE', path, undefined, opts);

/** Logs in with a Karaf user; keeps the token for this browser tab. */
export async function login(user, password) {
  const answer = await request('POST', 'login', { user, password }, { auth: false });
  if (!answer || !answer.token) {
    throw new ApiError(500, 'bad-response', 'The login answer carries no token');
  }
  setToken(answer.token);
  return answer;
}

export function logout() {
  setToken(null);
}

/** Builds a query string from the non-empty values of an object ("" when none). */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '' && v !== false) q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
