// Provider admin: status, settings, account and pledge, earnings, resources (price, duration, offline, relist,
// remove, register) and the leases it runs with their machines' state. While the provider does not run
// (UNCONFIGURED, WAITING_FOR_CHAIN) the page is a banner with the reason above the settings form, and nothing else
// is asked of the server: it switches to the full page once the provider runs.
import * as api from '../api.js';
import { settingsForm } from '../settings.js';
import { h, mount, card, table, badge, mono, notice, errorBox, spinner, facts, fmtTime, fmtAgo, link, input, field, form, runBusy, plural } from '../ui.js';

const AMOUNT = /^\s*(\d+(\.\d+)?|\d+p)\s*$/;

/** The settings of PID org.hamster.provider the form edits (GET/PUT provider/settings). */
const SETTINGS = [
  { key: 'account', label: 'Account', placeholder: 'keystore account name', hint: 'A keystore account (hamster:key-import): pledges, registers, heartbeats.' },
  { key: 'passwordFile', label: 'Password file', wide: true, placeholder: '/opt/karaf/etc/provider.password', hint: 'Absolute path; its first line is the account\'s keystore password.' },
  { key: 'backend', label: 'Backend for new leases', options: ['docker', 'kvm'], hint: 'Leases keep theirs.' },
  { key: 'useGateways', label: 'Use gateways', checkbox: true, hint: 'Reserve a slot on every gateway.' },
  { key: 'heartbeatIntervalSeconds', label: 'Heartbeat interval (s)', number: true, min: 10, hint: 'At least 10; well below the chain\'s tolerance.' },
  { key: 'reconcileSeconds', label: 'Reconcile every (s)', number: true, min: 1 },
  { key: 'sshPortFrom', label: 'First SSH port', number: true, min: 1024, max: 65535, hint: 'On 127.0.0.1, one per lease.' },
  { key: 'sshPortTo', label: 'Last SSH port', number: true, min: 1024, max: 65535 },
  { key: 'cpus', label: 'vCPUs to register', number: true, min: 0, hint: 'Registered on start if none; 0: never.' },
  { key: 'memoryGiB', label: 'Memory (GiB)', number: true, min: 1 },
  { key: 'diskGiB', label: 'Disk (GiB)', number: true, min: 1 },
  { key: 'system', label: 'System' },
  { key: 'cpuModel', label: 'CPU model', placeholder: 'from /proc/cpuinfo' },
  { key: 'pricePerHour', label: 'Price per hour' },
  { key: 'rentableHours', label: 'Rentable for (hours)', number: true, min: 1 },
];

/** What an ActionResult says: the block it is in and its events. */
function included(what, r) {
  return h('span', { 'data-testid': 'action-result' }, `${what}: included in block `,
    link(`#/block/${r.blockNumber}`, `#${r.blockNumber}`),
    r.events && r.events.length ? h('span', { class: 'small' }, ' — ', r.events.join('; ')) : null, '.');
}

/** The banner of a provider that does not run: what state, why, and what to do. */
function notRunningBanner(s) {
  const configured = s.state !== 'UNCONFIGURED';
  return h('div', { class: 'alert alert-warn', role: 'alert', 'data-testid': 'provider-not-running' },
    h('strong', { 'data-testid': 'provider-not-running-title' }, configured ? 'The provider is waiting for the chain' : 'The provider is not configured'),
    ' ', badge(s.state), h('p', { 'data-testid': 'provider-reason' }, s.reason || s.detail || ''),
    h('p', { class: 'small' }, configured
      ? 'It starts by itself as soon as the chain client reaches its node.'
      : 'Import the account\'s key into the keystore (hamster:key-import in the Karaf shell), write its password on the first line of a file only Karaf can read, then set Account and Password file below and save: it starts within seconds. Until then it serves nothing, keeps no lease and sends nothing to the chain.'));
}

/** The page while the provider does not run: the banner above the settings form; the full page once it runs. */
function renderNotRunning(ctx, first) {
  const banner = h('div', null, notRunningBanner(first));
  let last = first;
  const refreshStatus = async () => {
    const s = await api.get('provider/status');
    if (!ctx.alive()) return;
    if (s.state === 'RUNNING') {
      ctx.refresh();
      return;
    }
    if (s.state !== last.state || s.reason !== last.reason) mount(banner, notRunningBanner(s));
    last = s;
  };
  const settings = settingsForm({
    path: 'provider/settings', prefix: 'provider', fields: SETTINGS,
    readOnly: { listenAddress: 'Listen address' },
    saved: () => setTimeout(() => refreshStatus().catch(() => {}), 2000), // once it has restarted
  });
  mount(ctx.main, banner,
    card('Settings', { testid: 'provider-settings-card', id: 'provider-settings-card', subtitle: 'Stored in etc/org.hamster.provider.cfg; saving restarts the provider role.' }, settings.body));
  // the provider also starts by itself (a key imported, a password file written): look every few seconds
  ctx.every(3000, refreshStatus);
  return settings.load().catch((err) => {
    if (err.status === 401) throw err;
    mount(settings.body, errorBox(err, 'provider-error-settings'));
  });
}

export async function render(ctx) {
  let first = null;
  try {
    first = await api.get('provider/status');
  } catch (err) {
    if (err.status === 401) throw err;
  }
  if (!ctx.alive()) return;
  if (first && first.state && first.state !== 'RUNNING') {
    await renderNotRunning(ctx, first);
    return;
  }
  const note = notice('provider-notice');
  const statusBody = h('div', null, spinner('Loading status…', 'provider-status-loading'));
  const accountBody = h('div', null, spinner('Loading account…', 'provider-account-loading'));
  const earningsBody = h('div', null);
  const resourcesBody = h('div', null, spinner('Loading resources…', 'provider-resources-loading'));
  const leasesBody = h('div', null, spinner('Loading leases…', 'provider-leases-loading'));
  let symbol = '';
  const ham = (v) => (v === null || v === undefined ? '—' : `${v} ${symbol}`.trim());
  const edits = new Map(); // resource id → {price, hours} inputs kept across refreshes

  /** Runs a management call from btn; reports its block, then reloads what it changed. */
  function act(btn, what, call, reload) {
    return runBusy(btn, async () => {
      note.clear();
      const r = await call();
      const results = Array.isArray(r) ? r : [r];
      if (results.length === 0) note.show('info', `${what}: nothing to do.`);
      else note.success(...results.map((x) => included(what, x)));
      await reload();
    }, (err) => note.error(err));
  }

  async function loadStatus() {
    const s = await api.get('provider/status');
    if (!ctx.alive()) return;
    if (s.state && s.state !== 'RUNNING') {
      ctx.refresh(); // it stopped (e.g. new settings it cannot start with): the banner and the settings instead
      return;
    }
    mount(statusBody, facts([
      ['State', badge(s.state || 'RUNNING'), 'provider-state'],
      ['Peer id', mono(s.peerId), 'provider-peer-id'],
      ['Account', s.account ? link(`#/account/${s.account}`, s.account, { class: 'mono' }) : h('span', { class: 'muted' }, 'none configured')],
      ['Backend for new leases', h('span', null, badge(s.backend), ' ', h('span', { class: 'muted small' }, `installed: ${(s.backends || []).join(', ') || 'none'}`))],
      ['Listen addresses', (s.listenAddresses || []).length ? h('ul', { class: 'plain mono small' }, s.listenAddresses.map((a) => h('li', null, a))) : '—'],
      ['Last reconcile', s.lastReconcile ? `${fmtAgo(s.lastReconcile)} (${fmtTime(s.lastReconcile)})` : 'not yet'],
    ], 'provider-status'), s.detail ? h('p', { class: 'muted', 'data-testid': 'provider-detail' }, s.detail) : null);
  }

  const settings = settingsForm({
    path: 'provider/settings', prefix: 'provider', fields: SETTINGS,
    readOnly: { listenAddress: 'Listen address' },
    saved: () => setTimeout(() => loadStatus().catch(() => {}), 5000), // once it has restarted
  });

  function amountForm(id, label, button, path, what, hint) {
    const amount = input({ id, 'data-testid': id, placeholder: 'e.g. 100', inputmode: 'decimal', 'aria-describedby': `${id}-hint` });
    return form({ class: 'amount-form', 'aria-label': label }, [
      h('label', { for: id }, label),
      h('div', { class: 'inline-form' }, amount, h('span', { class: 'muted small' }, symbol),
        h('button', { type: 'submit', class: 'btn btn-primary btn-small', 'data-testid': `${id}-submit` }, button)),
      h('small', { class: 'hint', id: `${id}-hint` }, hint),
    ], async () => {
      note.clear();
      if (!AMOUNT.test(amount.value)) throw new Error(`${label}: enter an amount such as 100 or 2.5 (or planck with a trailing p).`);
      const r = await api.post(path, { amount: amount.value.trim() });
      amount.value = '';
      note.success(included(what, r));
      await loadAccount();
    }, (err) => note.error(err));
  }

  async function loadAccount() {
    const a = await api.get('provider/account');
    if (!ctx.alive()) return;
    const withdrawAll = h('button', { type: 'button', class: 'btn btn-primary btn-small', 'data-testid': 'earnings-withdraw-all', disabled: !(Number(a.withdrawable) > 0) }, 'Withdraw all earnings');
    withdrawAll.addEventListener('click', () => act(withdrawAll, 'Earnings withdrawn', () => api.post('provider/earnings/withdraw', {}), loadAccount));
    mount(accountBody, facts([
      ['Address', link(`#/account/${a.address}`, a.address, { class: 'mono' }), 'provider-address'],
      ['Free balance', ham(a.free), 'provider-free'],
      ['Pledge total', ham(a.pledgeTotal), 'pledge-total'],
      ['Pledge backing leases', ham(a.pledgeLocked), 'pledge-locked'],
      ['Pledge available', ham(a.pledgeFree), 'pledge-free'],
      ['Earnings to withdraw', h('strong', null, ham(a.withdrawable)), 'earnings-withdrawable'],
    ], 'provider-account'),
    h('div', { class: 'grid-2 tight' },
      amountForm('pledge-amount', 'Pledge', 'Pledge', 'provider/pledge', 'Pledged', 'Reserved from your balance; backs your leases.'),
      amountForm('unpledge-amount', 'Withdraw pledge', 'Withdraw', 'provider/pledge/withdraw', 'Pledge withdrawn', 'Only the part not backing a lease.')));
    mount(earningsBody, table({
      testid: 'earnings-table',
      caption: 'Earnings per lease',
      rowTestid: (e) => `earning-${e.agreement}`,
      empty: 'No leases with earnings yet.',
      rows: a.earnings || [],
      columns: [
        { label: 'Lease', class: 'num', render: (e) => `#${e.agreement}` },
        { label: 'Machine', class: 'num', render: (e) => `#${e.resource}` },
        { label: 'Status', render: (e) => badge(e.status) },
        { label: 'To withdraw', class: 'num', render: (e) => ham(e.withdrawable) },
        {
          label: '',
          render: (e) => {
            if (!(Number(e.withdrawable) > 0)) return '';
            const b = h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-testid': `earning-withdraw-${e.agreement}` }, 'Withdraw');
            b.addEventListener('click', () => act(b, `Earnings of lease #${e.agreement} withdrawn`, () => api.post('provider/earnings/withdraw', { agreement: e.agreement }), loadAccount));
            return b;
          },
        },
      ],
    }), h('div', { class: 'form-actions' }, withdrawAll));
  }

  function editsFor(r) {
    if (!edits.has(r.id)) {
      edits.set(r.id, {
        price: input({ id: `price-input-${r.id}`, value: r.pricePerHour, class: 'price-input', inputmode: 'decimal', 'aria-label': `New price per hour of resource ${r.id}`, 'data-testid': `price-input-${r.id}` }),
        hours: input({ type: 'number', id: `duration-input-${r.id}`, min: 1, step: 1, placeholder: 'hours', class: 'port-input', 'aria-label': `Hours to add to resource ${r.id}`, 'data-testid': `duration-input-${r.id}` }),
        price0: r.pricePerHour,
      });
    }
    const e = edits.get(r.id);
    if (document.activeElement !== e.price && e.price.value === e.price0) e.price.value = r.pricePerHour;
    e.price0 = r.pricePerHour;
    return e;
  }

  function resourceActions(r) {
    const e = editsFor(r);
    const savePrice = h('button', { type: 'button', class: 'btn btn-primary btn-small', 'data-testid': `price-save-${r.id}` }, 'Set price');
    savePrice.addEventListener('click', () => {
      if (!AMOUNT.test(e.price.value) || Number(e.price.value) === 0) {
        note.error(new Error('The price per hour must be a positive amount such as 2.5.'));
        return;
      }
      act(savePrice, `Price of #${r.id} set to ${e.price.value.trim()} ${symbol}`.trim(), () => api.put(`provider/resources/${r.id}/price`, { pricePerHour: e.price.value.trim() }), loadResources);
    });
    const addHours = h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-testid': `duration-save-${r.id}` }, 'Add hours');
    addHours.addEventListener('click', () => {
      const n = Number(e.hours.value);
      if (!Number.isInteger(n) || n < 1) {
        note.error(new Error('Enter a whole number of hours to add, at least 1.'));
        return;
      }
      act(addHours, `Resource #${r.id} extended by ${plural(n, 'hour')}`, async () => {
        const res = await api.post(`provider/resources/${r.id}/duration`, { hours: n });
        e.hours.value = '';
        return res;
      }, loadResources);
    });
    const buttons = [];
    if (r.status === 'UNUSED') {
      const b = h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-testid': `offline-${r.id}` }, 'Take offline');
      b.addEventListener('click', () => act(b, `Resource #${r.id} taken off the market`, () => api.post(`provider/resources/${r.id}/offline`), loadResources));
      buttons.push(b);
    }
    if (r.status === 'OFFLINE') {
      const b = h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-testid': `relist-${r.id}` }, 'Rent again');
      b.addEventListener('click', () => act(b, `Resource #${r.id} back on the market`, () => api.post(`provider/resources/${r.id}/relist`), loadResources));
      buttons.push(b);
    }
    if (r.status !== 'INUSE' && r.status !== 'LOCKED') {
      const b = h('button', { type: 'button', class: 'btn btn-danger btn-small', 'data-testid': `remove-${r.id}` }, 'Remove');
      b.addEventListener('click', () => {
        if (!window.confirm(`Remove resource #${r.id} from the chain? It leaves the market for good.`)) return;
        act(b, `Resource #${r.id} removed`, () => api.del(`provider/resources/${r.id}`), loadResources);
      });
      buttons.push(b);
    }
    return h('div', { class: 'actions-col' },
      h('div', { class: 'inline-form' }, e.price, h('span', { class: 'muted small' }, `${symbol}/h`), savePrice),
      h('div', { class: 'inline-form' }, e.hours, addHours),
      buttons.length ? h('div', { class: 'inline-form' }, buttons) : null);
  }

  async function loadResources() {
    const list = await api.get('provider/resources');
    if (!ctx.alive()) return;
    mount(resourcesBody, table({
      testid: 'provider-resources-table',
      caption: 'Resources registered by this provider',
      rowTestid: (r) => `resource-${r.id}`,
      empty: 'No resources registered: register one below.',
      rows: list,
      columns: [
        { label: 'ID', class: 'num', render: (r) => h('strong', null, `#${r.id}`) },
        { label: 'Machine', render: (r) => h('div', null, `${r.cpu} vCPU · ${r.memoryGiB} GiB · ${r.diskGiB} GiB disk`, h('div', { class: 'muted small' }, [r.system, r.cpuModel].filter(Boolean).join(' · '))) },
        { label: 'Price / hour', class: 'num', render: (r) => h('strong', { 'data-testid': `resource-price-${r.id}` }, ham(r.pricePerHour)) },
        { label: 'Rentable until', render: (r) => (r.rentableUntil ? h('span', { title: fmtTime(r.rentableUntil) }, fmtTime(r.rentableUntil)) : '—') },
        { label: 'Status', render: (r) => h('span', { 'data-testid': `resource-status-${r.id}` }, badge(r.status)) },
        { label: 'Change', render: resourceActions },
      ],
    }));
  }

  function heartbeatCell(l) {
    const last = l.lastHeartbeat ?? l.heartbeatAt ?? null;
    const state = l.heartbeatState ?? l.heartbeat ?? null;
    if (!last && !state) {
      return h('span', { class: 'muted small', title: 'This provider does not report its heartbeats over the API' }, l.agreement >= 0 ? 'not reported' : 'not started');
    }
    return h('div', null, state ? badge(state) : null, last ? h('div', { class: 'muted small', title: fmtTime(last) }, `last ${fmtAgo(last)}`) : null);
  }

  async function loadLeases() {
    const leases = await api.get('provider/leases');
    if (!ctx.alive()) return;
    mount(leasesBody, table({
      testid: 'provider-leases-table',
      caption: 'Leases this provider runs',
      rowTestid: (l) => `provider-lease-${l.order}`,
      empty: 'No leases: when a tenant orders a machine it shows here while it runs.',
      rows: leases,
      columns: [
        { label: 'Machine name', render: (l) => h('span', { class: 'mono small' }, l.leaseId) },
        { label: 'Order', class: 'num', render: (l) => `#${l.order}` },
        { label: 'Lease', class: 'num', render: (l) => (l.agreement >= 0 ? `#${l.agreement}` : h('span', { class: 'muted' }, 'starting')) },
        { label: 'Resource', class: 'num', render: (l) => `#${l.resource}` },
        { label: 'Tenant', render: (l) => (l.tenant ? link(`#/account/${l.tenant}`, l.tenant.slice(0, 8) + '…', { class: 'mono', title: l.tenant }) : '—') },
        { label: 'Backend', render: (l) => h('span', null, l.backend, l.sshPort ? h('div', { class: 'muted small' }, `ssh 127.0.0.1:${l.sshPort}`) : null) },
        { label: 'Machine', render: (l) => h('span', { 'data-testid': `machine-state-${l.order}` }, badge(l.machineState)) },
        { label: 'Heartbeat', render: heartbeatCell },
      ],
    }));
  }

  // register a resource
  const reg = {
    cpu: input({ type: 'number', id: 'reg-cpu', min: 1, step: 1, value: '1', 'data-testid': 'reg-cpu' }),
    memoryGiB: input({ type: 'number', id: 'reg-memory', min: 1, step: 1, value: '1', 'data-testid': 'reg-memory' }),
    diskGiB: input({ type: 'number', id: 'reg-disk', min: 1, step: 1, value: '10', 'data-testid': 'reg-disk' }),
    system: input({ id: 'reg-system', value: 'Debian 12', 'data-testid': 'reg-system' }),
    cpuModel: input({ id: 'reg-cpu-model', 'data-testid': 'reg-cpu-model', placeholder: 'e.g. AMD EPYC 7B13' }),
    pricePerHour: input({ id: 'reg-price', value: '1', inputmode: 'decimal', 'data-testid': 'reg-price' }),
    rentableHours: input({ type: 'number', id: 'reg-hours', min: 1, step: 1, value: '720', 'data-testid': 'reg-hours' }),
  };
  const registerForm = form({ class: 'form grid-form', id: 'register-form', 'data-testid': 'register-form', 'aria-label': 'Register a resource' }, [
    field('vCPUs', reg.cpu), field('Memory (GiB)', reg.memoryGiB), field('Disk (GiB)', reg.diskGiB),
    field('System', reg.system), field('CPU model', reg.cpuModel), field('Price per hour', reg.pricePerHour),
    field('Rentable for (hours)', reg.rentableHours),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'register-submit' }, 'Register resource')),
  ], async () => {
    note.clear();
    for (const k of ['cpu', 'memoryGiB', 'diskGiB', 'rentableHours']) {
      const n = Number(reg[k].value);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${reg[k].labels[0].textContent} must be a whole number, at least 1.`);
    }
    if (!AMOUNT.test(reg.pricePerHour.value)) throw new Error('The price per hour must be an amount such as 2.5.');
    const r = await api.post('provider/resources', {
      cpu: Number(reg.cpu.value), memoryGiB: Number(reg.memoryGiB.value), diskGiB: Number(reg.diskGiB.value),
      system: reg.system.value.trim(), cpuModel: reg.cpuModel.value.trim(), pricePerHour: reg.pricePerHour.value.trim(),
      rentableHours: Number(reg.rentableHours.value),
    });
    note.success(included('Resource registered', r));
    await loadResources();
  }, (err) => note.error(err));

  mount(ctx.main, note,
    card('Resources', { testid: 'provider-resources-card', id: 'provider-resources-card', subtitle: 'Change the price, add rentable hours, take a machine off the market or put it back.' }, resourcesBody),
    card('Leases', { testid: 'provider-leases-card', id: 'provider-leases-card', subtitle: 'Machines running for tenants; the provider heartbeats each lease to the chain.' }, leasesBody),
    h('div', { class: 'grid-2' },
      card('Account and pledge', { testid: 'provider-account-card', id: 'provider-account-card' }, accountBody),
      card('Earnings', { testid: 'provider-earnings-card', id: 'provider-earnings-card' }, earningsBody)),
    card('Status', { testid: 'provider-status-card', id: 'provider-status-card' }, statusBody),
    card('Settings', { testid: 'provider-settings-card', id: 'provider-settings-card', subtitle: 'Stored in etc/org.hamster.provider.cfg; saving restarts the provider role.' }, settings.body),
    card('Register a resource', { testid: 'register-card', id: 'register-card' }, registerForm));

  const info = await ctx.chainInfo().catch(() => null);
  symbol = (info && info.tokenSymbol) || 'HAM';
  const results = await Promise.allSettled([loadResources(), loadLeases(), loadAccount(), loadStatus(), settings.load()]);
  if (!ctx.alive()) return;
  [resourcesBody, leasesBody, accountBody, statusBody, settings.body].forEach((body, i) => {
    const r = results[i];
    if (r.status === 'rejected') {
      if (r.reason.status === 401) throw r.reason;
      mount(body, errorBox(r.reason, `provider-error-${i}`));
    }
  });
  ctx.every(8000, async () => {
    if (ctx.main.querySelector('[aria-busy]') || ctx.main.contains(document.activeElement) && document.activeElement.tagName === 'INPUT') {
      await loadLeases();
      return;
    }
    await Promise.all([loadStatus(), loadLeases(), loadResources(), loadAccount()]);
  });
}
