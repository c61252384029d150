// The single-page app: hash routes, navigation by the instance's roles, login for the admin pages.
import * as api from './api.js';
import { h, mount, spinner, errorBox, card, field, input, form, notice } from './ui.js';
import * as explorer from './pages/explorer.js';
import * as market from './pages/market.js';
import * as orders from './pages/orders.js';
import * as resources from './pages/resources.js';
import * as account from './pages/account.js';
import * as provider from './pages/provider.js';
import * as gateway from './pages/gateway.js';

/** role: which entry of /api/roles the page needs ('chain' = any instance that reaches a chain). */
const ROUTES = [
  { name: 'explorer', title: 'Chain explorer', nav: 'Explorer', group: 'Chain', role: 'chain', public: true, render: explorer.renderExplorer },
  { pattern: /^block\/(.+)$/, name: 'explorer', title: 'Block', role: 'chain', public: true, render: explorer.renderBlock },
  { pattern: /^account\/(.+)$/, name: 'explorer', title: 'Chain account', role: 'chain', public: true, render: explorer.renderChainAccount },
  { name: 'market', title: 'Market', nav: 'Market', group: 'Tenant', role: 'client', render: market.render },
  { name: 'orders', title: 'My orders', nav: 'Orders', group: 'Tenant', role: 'client', render: orders.render },
  { name: 'resources', title: 'My resources', nav: 'My resources', group: 'Tenant', role: 'client', render: resources.render },
  { name: 'account', title: 'Account', nav: 'Account', group: 'Tenant', role: 'client', render: account.render },
  { name: 'provider', title: 'Provider admin', nav: 'Provider', group: 'Provider', role: 'provider', render: provider.render },
  { name: 'gateway', title: 'Gateway admin', nav: 'Gateway', group: 'Gateway', role: 'gateway', render: gateway.render },
];

const ICONS = {
  explorer: 'M3 4h18v4H3zM3 10h18v4H3zM3 16h18v4H3z',
  market: 'M4 7h16l-1.5 12h-13zM8 7a4 4 0 0 1 8 0',
  orders: 'M6 3h12v18H6zM9 8h6M9 12h6M9 16h4',
  resources: 'M3 5h18v10H3zM8 19h8M12 15v4',
  account: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0',
  provider: 'M4 4h16v6H4zM4 14h16v6H4zM8 7h.01M8 17h.01',
  gateway: 'M12 3v18M3 12h18M5 5l14 14M19 5L5 19',
};

const state = {
  roles: null,
  chainInfo: null,
  generation: 0,
  cleanups: [],
  current: null,
};

const main = () => document.getElementById('main');

function hasRole(role) {
  const r = state.roles;
  if (!r) return true;
  if (role === 'chain') return !!(r.node || r.chainUrl || r.client || r.provider || r.gateway);
  return !!r[role];
}

/** The chain's info (token symbol and decimals for amounts), fetched once; null if unavailable. */
function chainInfo() {
  if (!state.chainInfo) {
    state.chainInfo = api.get('chain/info', { auth: false }).catch((err) => {
      state.chainInfo = null;
      throw err;
    });
  }
  return state.chainInfo;
}

function defaultRoute() {
  if (hasRole('client')) return 'market';
  if (hasRole('provider')) return 'provider';
  if (hasRole('gateway')) return 'gateway';
  return 'explorer';
}

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const i = raw.indexOf('?');
  const path = decodeURIComponent(i < 0 ? raw : raw.slice(0, i));
  return { path, query: new URLSearchParams(i < 0 ? '' : raw.slice(i + 1)) };
}

function findRoute(path) {
  for (const r of ROUTES) {
    if (r.pattern) {
      const m = r.pattern.exec(path);
      if (m) return { route: r, params: m.slice(1) };
    } else if (r.name === path) {
      return { route: r, params: [] };
    }
  }
  return null;
}

function icon(name) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'nav-icon');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', ICONS[name] || ICONS.explorer);
  svg.appendChild(path);
  return svg;
}

function renderNav() {
  const groups = new Map();
  for (const r of ROUTES) {
    if (!r.nav || !hasRole(r.role)) continue;
    if (!groups.has(r.group)) groups.set(r.group, []);
    groups.get(r.group).push(r);
  }
  mount(document.getElementById('nav'), [...groups].map(([group, routes]) => h('div', { class: 'nav-group' },
    h('div', { class: 'nav-group-title' }, group),
    h('ul', null, routes.map((r) => h('li', null,
      h('a', { href: `#/${r.name}`, class: 'nav-link', 'data-route': r.name, 'data-testid': `nav-${r.name}` },
        icon(r.name),
        h('span', null, r.nav))))))));
  const r = state.roles;
  const rolesEl = document.getElementById('roles');
  if (r) {
    const names = ['node', 'gateway', 'provider', 'client'].filter((n) => r[n]);
    mount(rolesEl, h('div', { class: 'muted small' }, 'This instance'),
      h('div', { class: 'role-list' }, names.length ? names.map((n) => h('span', { class: 'role-chip' }, n)) : h('span', { class: 'muted' }, 'no roles')),
      r.chainUrl ? h('div', { class: 'muted small mono', title: r.chainUrl }, r.chainUrl) : null);
  } else {
    mount(rolesEl, h('div', { class: 'muted small' }, 'Roles unknown: showing every page'));
  }
}

function renderSession() {
  const el = document.getElementById('session');
  if (api.loggedIn()) {
    mount(el, h('span', { class: 'session-user' }, h('span', { class: 'dot dot-ok', 'aria-hidden': 'true' }), 'Signed in'),
      h('button', {
        type: 'button', class: 'btn btn-ghost btn-small', 'data-testid': 'logout',
        onclick: () => { api.logout(); renderSession(); route(); },
      }, 'Sign out'));
  } else {
    mount(el, h('span', { class: 'muted' }, 'Not signed in'));
  }
}

function setActive(name, title) {
  document.querySelectorAll('.nav-link').forEach((a) => {
    const active = a.dataset.route === name;
    a.classList.toggle('active', active);
    if (active) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  document.getElementById('page-title').textContent = title;
  document.title = `${title} · Hamster`;
}

function runCleanups() {
  const fns = state.cleanups;
  state.cleanups = [];
  fns.forEach((fn) => {
    try {
      fn();
    } catch {
      // ignore
    }
  });
}

function showLogin(reason) {
  const gen = state.generation;
  const note = notice('login-notice');
  const user = input({ name: 'user', id: 'login-user', autocomplete: 'username', required: true, 'data-testid': 'login-user' });
  const password = input({ name: 'password', id: 'login-password', type: 'password', autocomplete: 'current-password', required: true, 'data-testid': 'login-password' });
  const f = form({ id: 'login-form', class: 'form narrow', 'data-testid': 'login-form', 'aria-label': 'Sign in' }, [
    field('User', user),
    field('Password', password),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary', id: 'login-submit', 'data-testid': 'login-submit' }, 'Sign in')),
  ], async () => {
    note.clear();
    if (!user.value.trim() || !password.value) {
      note.error(new Error('Enter a user name and a password.'));
      return;
    }
    await api.login(user.value.trim(), password.value);
    renderSession();
    if (gen === state.generation) route();
  }, (err) => note.error(err.status === 401 ? Object.assign(new Error(err.message || 'Wrong user name or password.'), { code: err.code, status: err.status }) : err));
  mount(main(), h('div', { class: 'login-wrap' }, card('Sign in', { testid: 'login', id: 'login' },
    h('p', { class: 'muted' }, reason || 'This page manages this instance. Sign in with a Karaf user (etc/users.properties).'),
    note, f)));
  user.focus();
}

async function route() {
  runCleanups();
  const gen = ++state.generation;
  let { path, query } = parseHash();
  if (!path) {
    path = defaultRoute();
    history.replaceState(null, '', `#/${path}`);
  }
  const found = findRoute(path);
  if (!found) {
    setActive('', 'Not found');
    mount(main(), errorBox(Object.assign(new Error(`There is no page "${path}".`), { code: 'not-found' })),
      h('p', null, h('a', { href: `#/${defaultRoute()}` }, 'Go to the start page')));
    return;
  }
  const { route: r, params } = found;
  state.current = r;
  setActive(r.name, r.title);
  if (!hasRole(r.role)) {
    mount(main(), h('div', { class: 'alert alert-info', role: 'status', 'data-testid': 'role-missing' },
      `This instance does not run the ${r.role} role, so it has no ${r.title.toLowerCase()} page.`));
    return;
  }
  if (!r.public && !api.loggedIn()) {
    showLogin();
    return;
  }
  const ctx = {
    main: main(),
    roles: state.roles,
    query,
    alive: () => gen === state.generation,
    onCleanup: (fn) => state.cleanups.push(fn),
    chainInfo,
    navigate: (hash) => { location.hash = hash; },
    refresh: () => { if (gen === state.generation) route(); },
    /** Runs fn every ms (not overlapping) until the page changes; errors go to onError. */
    every(ms, fn, onError) {
      let timer = null;
      const tick = async () => {
        if (gen !== state.generation) return;
        try {
          await fn();
        } catch (err) {
          if (onError && gen === state.generation && err.status !== 401) onError(err);
        }
        if (gen === state.generation) timer = setTimeout(tick, ms);
      };
      timer = setTimeout(tick, ms);
      state.cleanups.push(() => clearTimeout(timer));
    },
  };
  mount(main(), spinner());
  try {
    await r.render(ctx, ...params);
  } catch (err) {
    if (gen !== state.generation) return;
    if (err.status === 401 && !r.public) {
      showLogin('Your session is not valid any more: sign in again.');
      return;
    }
    mount(main(), errorBox(err, 'page-error'),
      h('p', null, h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => route() }, 'Try again')));
  }
}

api.onActivity((busy) => {
  const el = document.getElementById('activity');
  if (el) el.hidden = !busy;
  document.body.toggleAttribute('data-busy', busy);
});

api.onUnauthorized(() => {
  renderSession();
  if (state.current && !state.current.public) {
    runCleanups();
    state.generation += 1;
    showLogin('Your session is not valid any more: sign in again.');
  }
});

async function start() {
  document.getElementById('skip-link').addEventListener('click', (e) => {
    e.preventDefault();
    main().focus();
  });
  try {
    state.roles = await api.get('roles', { auth: false });
  } catch {
    state.roles = null;
  }
  renderNav();
  renderSession();
  window.addEventListener('hashchange', route);
  await route();
  document.body.dataset.ready = 'true';
}

start();
