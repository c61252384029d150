// Gateway admin: on-chain registration, bandwidth (live SVG chart of the per-second history), peers, circuits,
// settings.
import * as api from '../api.js';
import { settingsForm } from '../settings.js';
import { h, mount, card, table, badge, mono, errorBox, spinner, facts, fmtTime, fmtAgo, fmtBytes, fmtRate, link } from '../ui.js';

const SVG = 'http://www.w3.org/2000/svg';
const H = 220;
const PAD = { left: 76, right: 12, top: 12, bottom: 26 };

/** The settings of PID org.hamster.gateway the form edits (GET/PUT gateway/settings). */
const SETTINGS = [
  { key: 'account', label: 'Account', placeholder: 'keystore account name', hint: 'A keystore account (hamster:key-import) that registers the gateway and pays its bond; empty: relay only, not on the bootstrap list.' },
  { key: 'passwordFile', label: 'Password file', wide: true, placeholder: '/opt/karaf/etc/gateway.password', hint: 'Absolute path; its first line is the account\'s keystore password.' },
  { key: 'publicAddress', label: 'Public address', wide: true, placeholder: 'empty: the bound listen address', hint: 'e.g. /ip4/203.0.113.7/tcp/4001, without /p2p.' },
  { key: 'heartbeatIntervalSeconds', label: 'Heartbeat interval (s)', number: true, min: 10 },
  { key: 'retrySeconds', label: 'Retry after (s)', number: true, min: 1 },
  { key: 'maxReservations', label: 'Reservations', number: true, min: 1 },
  { key: 'maxReservationsPerIp', label: 'Reservations per IP', number: true, min: 1 },
  { key: 'reservationTtlSeconds', label: 'Reservation lifetime (s)', number: true, min: 1 },
  { key: 'maxCircuits', label: 'Circuits', number: true, min: 1 },
  { key: 'maxCircuitsPerPeer', label: 'Circuits per peer', number: true, min: 1 },
  { key: 'circuitDurationSeconds', label: 'Circuit lifetime (s)', number: true, min: 1 },
  { key: 'circuitDataBytes', label: 'Circuit bytes (each way)', number: true, min: 1 },
  { key: 'bandwidthHistorySeconds', label: 'Bandwidth history (s)', number: true, min: 1 },
];

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  children.forEach((c) => el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c));
  return el;
}

/** A round upper bound for the y axis. */
function niceMax(v) {
  const x = Math.max(v, 1024);
  const p = 2 ** Math.ceil(Math.log2(x));
  return p * 0.75 >= x ? p * 0.75 : p;
}

/** The bandwidth chart: receive and send rates over the samples, oldest left; W wide in CSS pixels. */
export function bandwidthChart(history, W = 720) {
  const samples = history || [];
  const max = niceMax(Math.max(0, ...samples.map((x) => Math.max(x.rateIn, x.rateOut))));
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const n = Math.max(samples.length, 2);
  const x = (i) => PAD.left + (iw * i) / (n - 1);
  const y = (v) => PAD.top + ih - (ih * v) / max;
  const last = samples[samples.length - 1];
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'data-testid': 'bandwidth-chart',
    'aria-label': last ? `Bandwidth over the last ${samples.length} seconds; now receiving ${fmtRate(last.rateIn)} and sending ${fmtRate(last.rateOut)}` : 'No bandwidth samples yet',
  });
  for (let i = 0; i <= 4; i += 1) {
    const v = (max * i) / 4;
    svg.appendChild(s('line', { x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v), class: 'grid' }));
    svg.appendChild(s('text', { x: PAD.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis' }, fmtRate(v)));
  }
  if (samples.length >= 1) {
    const first = new Date(samples[0].time);
    const end = new Date(last.time);
    const seconds = Math.round((end - first) / 1000);
    svg.appendChild(s('text', { x: PAD.left, y: H - 6, class: 'axis' }, Number.isNaN(seconds) ? '' : `-${seconds}s`));
    svg.appendChild(s('text', { x: W - PAD.right, y: H - 6, 'text-anchor': 'end', class: 'axis' }, 'now'));
    for (const [key, cls] of [['rateIn', 'line-in'], ['rateOut', 'line-out']]) {
      const pts = samples.map((p, i) => `${x(i).toFixed(1)},${y(p[key]).toFixed(1)}`);
      if (samples.length === 1) pts.push(`${x(1).toFixed(1)},${y(samples[0][key]).toFixed(1)}`);
      svg.appendChild(s('polyline', { points: pts.join(' '), class: cls, fill: 'none' }));
    }
  } else {
    svg.appendChild(s('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'axis' }, 'No samples yet'));
  }
  return svg;
}

export async function render(ctx) {
  const statusBody = h('div', null, spinner('Loading status…', 'gateway-loading'));
  const bwBody = h('div', null, spinner('Loading bandwidth…'));
  const peersBody = h('div', null, spinner('Loading peers…'));
  const circuitsBody = h('div', null, spinner('Loading circuits…'));

  async function loadStatus() {
    const st = await api.get('gateway/status');
    if (!ctx.alive()) return;
    const reg = st.registration || {};
    mount(statusBody, facts([
      ['Registration', h('span', { 'data-testid': 'gateway-registration' }, badge(reg.state || 'UNKNOWN'))],
      ['Detail', reg.detail || '—'],
      ['Last heartbeat', reg.lastHeartbeat ? `${fmtAgo(reg.lastHeartbeat)} (${fmtTime(reg.lastHeartbeat)})` : 'none yet'],
      ['Heartbeats since start', String(reg.heartbeats ?? 0)],
      ['Public address', st.publicAddress ? h('span', { class: 'mono small' }, st.publicAddress) : '—', 'gateway-public-address'],
      ['Peer id', mono(st.peerId), 'gateway-peer-id'],
      ['Account', st.account ? link(`#/account/${st.account}`, st.account, { class: 'mono' }) : h('span', { class: 'muted' }, 'none: relaying without registering')],
      ['Listen addresses', (st.listenAddresses || []).length ? h('ul', { class: 'plain mono small' }, st.listenAddresses.map((a) => h('li', null, a))) : '—'],
      ['Relay reservations', String(st.reservations ?? 0), 'gateway-reservations'],
      ['Open circuits', String(st.circuits ?? 0)],
      ['Started', st.started ? `${fmtAgo(st.started)} (${fmtTime(st.started)})` : '—'],
    ], 'gateway-status'));
  }

  const settings = settingsForm({
    path: 'gateway/settings', prefix: 'gateway', fields: SETTINGS,
    readOnly: { account: 'Account', listenAddress: 'Listen address' },
  });

  async function loadBandwidth() {
    const bw = await api.get('gateway/bandwidth');
    if (!ctx.alive()) return;
    mount(bwBody,
      h('div', { class: 'stats' },
        h('div', { class: 'stat' }, h('div', { class: 'stat-label' }, h('span', { class: 'swatch swatch-in', 'aria-hidden': 'true' }), 'Receiving'), h('div', { class: 'stat-value', 'data-testid': 'rate-in' }, fmtRate(bw.rateIn))),
        h('div', { class: 'stat' }, h('div', { class: 'stat-label' }, h('span', { class: 'swatch swatch-out', 'aria-hidden': 'true' }), 'Sending'), h('div', { class: 'stat-value', 'data-testid': 'rate-out' }, fmtRate(bw.rateOut))),
        h('div', { class: 'stat' }, h('div', { class: 'stat-label' }, 'Received'), h('div', { class: 'stat-value' }, fmtBytes(bw.totalIn))),
        h('div', { class: 'stat' }, h('div', { class: 'stat-label' }, 'Sent'), h('div', { class: 'stat-value' }, fmtBytes(bw.totalOut))),
        h('div', { class: 'stat' }, h('div', { class: 'stat-label' }, 'Relayed'), h('div', { class: 'stat-value' }, fmtBytes(bw.relayedTotal)))),
      bandwidthChart(bw.history, Math.max(360, Math.floor(bwBody.clientWidth || 720))));
  }

  async function loadPeers() {
    const peers = await api.get('gateway/peers');
    if (!ctx.alive()) return;
    mount(peersBody, table({
      testid: 'peers-table',
      caption: 'Connected peers',
      empty: 'No peers connected.',
      rows: peers,
      columns: [
        { label: 'Peer', render: (p) => mono(p.peerId, 6) },
        { label: 'Address', render: (p) => h('span', { class: 'mono small' }, p.address) },
        { label: 'Direction', render: (p) => h('span', null, badge(p.direction), p.relayed ? [' ', badge('RELAYED')] : null) },
        { label: 'Streams', class: 'num', render: (p) => String(p.streams) },
        { label: 'In / out', class: 'num', render: (p) => `${fmtBytes(p.bytesIn)} / ${fmtBytes(p.bytesOut)}` },
        { label: 'Reservation', render: (p) => (p.reservationExpiry ? `until ${fmtTime(p.reservationExpiry)}` : h('span', { class: 'muted' }, 'none')) },
      ],
    }));
  }

  async function loadCircuits() {
    const circuits = await api.get('gateway/circuits');
    if (!ctx.alive()) return;
    mount(circuitsBody, table({
      testid: 'circuits-table',
      caption: 'Relayed circuits',
      empty: 'No circuits open.',
      rows: circuits,
      columns: [
        { label: 'ID', class: 'num', render: (c) => String(c.id) },
        { label: 'From', render: (c) => mono(c.source, 6) },
        { label: 'To', render: (c) => mono(c.target, 6) },
        { label: 'Opened', render: (c) => fmtAgo(c.opened) },
        { label: 'Carried', class: 'num', render: (c) => `→ ${fmtBytes(c.bytesToTarget)} ← ${fmtBytes(c.bytesToSource)}` },
        { label: 'Rate', class: 'num', render: (c) => `→ ${fmtRate(c.rateToTarget)} ← ${fmtRate(c.rateToSource)}` },
      ],
    }));
  }

  mount(ctx.main,
    card('Bandwidth', { testid: 'bandwidth-card', id: 'bandwidth-card', subtitle: 'All TCP traffic of the gateway, relayed bytes included; updated every 2 s.' }, bwBody),
    card('Registration', { testid: 'gateway-status-card', id: 'gateway-status-card' }, statusBody),
    card('Peers', { testid: 'peers-card', id: 'peers-card' }, peersBody),
    card('Circuits', { testid: 'circuits-card', id: 'circuits-card' }, circuitsBody),
    card('Settings', { testid: 'gateway-settings-card', id: 'gateway-settings-card', subtitle: 'Stored in etc/org.hamster.gateway.cfg; saving restarts the gateway role.' }, settings.body));

  const loaders = [loadBandwidth, loadStatus, loadPeers, loadCircuits, settings.load];
  const bodies = [bwBody, statusBody, peersBody, circuitsBody, settings.body];
  const results = await Promise.allSettled(loaders.map((f) => f()));
  if (!ctx.alive()) return;
  results.forEach((r, i) => {
    if (r.status === 'rejected') {
      if (r.reason.status === 401) throw r.reason;
      mount(bodies[i], errorBox(r.reason, `gateway-error-${i}`));
    }
  });
  let ticks = 0;
  ctx.every(2000, async () => {
    ticks += 1;
    await loadBandwidth();
    if (ticks % 5 === 0) await Promise.all([loadStatus(), loadPeers(), loadCircuits()]);
  }, (err) => mount(bwBody, errorBox(err, 'bandwidth-error')));
}
