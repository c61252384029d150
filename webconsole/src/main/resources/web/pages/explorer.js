// Chain explorer: chain info, latest blocks, one block with its extrinsics and events, one account.
import * as api from '../api.js';
import { h, mount, card, facts, table, badge, mono, fmtTime, fmtAgo, errorBox, input, form, notice, link, fmtUnits, spinner } from '../ui.js';

const SS58 = /^[1-9A-HJ-NP-Za-km-z]{40,52}$/;
const PAGE = 20;

/** A chain amount as text: smallest units (digits) are shown with the token's decimals and symbol. */
export function chainAmount(value, info) {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'object') return value.text ?? value.units ?? JSON.stringify(value);
  const s = String(value);
  if (/^\d+$/.test(s) && info && Number.isInteger(info.tokenDecimals)) {
    return `${fmtUnits(s, info.tokenDecimals)} ${info.tokenSymbol || ''}`.trim();
  }
  return s;
}

/** A value of an extrinsic's args or an event's fields: addresses link to their account page. */
function valueView(v) {
  if (v === null || v === undefined) return h('span', { class: 'muted' }, 'null');
  if (typeof v === 'string') {
    if (SS58.test(v)) return link(`#/account/${v}`, v, { class: 'mono' });
    return h('span', { class: v.startsWith('0x') ? 'mono' : null }, v.length > 80 ? `${v.slice(0, 77)}…` : v);
  }
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    return v.length === 0 ? '[]' : h('span', null, '[', v.map((x, i) => [i ? ', ' : '', valueView(x)]), ']');
  }
  return kvList(v);
}

function kvList(obj) {
  const entries = Object.entries(obj || {});
  if (entries.length === 0) return h('span', { class: 'muted' }, '—');
  return h('dl', { class: 'kv' }, entries.map(([k, v]) => h('div', null, h('dt', null, k), h('dd', null, valueView(v)))));
}

function searchForm() {
  const q = input({ id: 'explorer-search', placeholder: 'Block number, block hash (0x…) or account address', 'aria-label': 'Search the chain', 'data-testid': 'explorer-search' });
  const note = notice('search-notice');
  const f = form({ class: 'search', role: 'search' }, [
    q, h('button', { type: 'submit', class: 'btn btn-secondary', 'data-testid': 'explorer-search-go' }, 'Search'),
  ], async () => {
    note.clear();
    const v = q.value.trim();
    if (/^\d+$/.test(v) || /^0x[0-9a-fA-F]{64}$/.test(v)) location.hash = `#/block/${v}`;
    else if (SS58.test(v)) location.hash = `#/account/${v}`;
    else note.error(new Error('Enter a block number, a 0x block hash of 64 hex digits, or an SS58 address.'));
  });
  return h('div', null, f, note);
}

function infoFacts(info) {
  return facts([
    ['Chain', info.chain, 'chain-name'],
    ['Runtime', `${info.specName ?? '—'} v${info.specVersion ?? '—'}`],
    ['Best block', link(`#/block/${info.bestNumber}`, `#${info.bestNumber}`), 'best-number'],
    ['Best hash', mono(info.bestHash, 10)],
    ['Genesis hash', mono(info.genesisHash, 10)],
    ['Token', `${info.tokenSymbol ?? '—'} (${info.tokenDecimals ?? '—'} decimals)`],
    ['SS58 format', info.ss58Format],
  ], 'chain-info');
}

export async function renderExplorer(ctx) {
  let before = null; // null: the latest blocks, refreshed live
  const infoBody = h('div', null, spinner('Loading chain info…'));
  const blocksBody = h('div', null, spinner('Loading blocks…', 'blocks-loading'));
  const pager = h('div', { class: 'pager' });
  const liveNote = h('span', { class: 'muted small', 'aria-live': 'polite' });

  mount(ctx.main,
    card('Chain', { testid: 'chain-card', id: 'chain-card' }, infoBody, searchForm()),
    card('Blocks', { testid: 'blocks-card', id: 'blocks-card', actions: liveNote }, blocksBody, pager));

  async function loadInfo() {
    const info = await api.get('chain/info', { auth: false });
    if (ctx.alive()) mount(infoBody, infoFacts(info));
    return info;
  }

  async function loadBlocks() {
    const blocks = await api.get(`chain/blocks${api.query({ count: PAGE, before })}`, { auth: false });
    if (!ctx.alive()) return;
    mount(blocksBody, table({
      testid: 'blocks-table',
      caption: 'Blocks, newest first',
      rowTestid: (b) => `block-row-${b.number}`,
      empty: 'No blocks yet.',
      rows: blocks,
      columns: [
        { label: 'Block', render: (b) => link(`#/block/${b.number}`, `#${b.number}`, { 'data-testid': `block-link-${b.number}` }) },
        { label: 'Hash', render: (b) => mono(b.hash, 10) },
        { label: 'Time', render: (b) => h('span', { title: fmtTime(b.timestamp) }, fmtAgo(b.timestamp)) },
        { label: 'Extrinsics', class: 'num', render: (b) => String(b.extrinsics ?? 0) },
        { label: 'Events', class: 'num', render: (b) => String(b.events ?? 0) },
      ],
    }));
    const oldest = blocks.length ? blocks[blocks.length - 1].number : null;
    mount(pager,
      before !== null ? h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-testid': 'blocks-latest', onclick: () => { before = null; reload(); } }, '« Latest') : null,
      oldest !== null && oldest > 0 ? h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-testid': 'blocks-older', onclick: () => { before = oldest; reload(); } }, 'Older ›') : null);
    liveNote.textContent = before === null ? 'Live: refreshes every 6 s' : `Blocks before #${before}`;
  }

  async function reload() {
    mount(blocksBody, spinner('Loading blocks…', 'blocks-loading'));
    try {
      await loadBlocks();
    } catch (err) {
      if (ctx.alive()) mount(blocksBody, errorBox(err, 'blocks-error'));
    }
  }

  const results = await Promise.allSettled([loadInfo(), loadBlocks()]);
  if (!ctx.alive()) return;
  if (results[0].status === 'rejected') mount(infoBody, errorBox(results[0].reason, 'chain-error'));
  if (results[1].status === 'rejected') mount(blocksBody, errorBox(results[1].reason, 'blocks-error'));
  ctx.every(6000, async () => {
    if (before !== null) return;
    await loadInfo();
    await loadBlocks();
  }, () => { liveNote.textContent = 'Live refresh failed; retrying'; });
}

export async function renderBlock(ctx, id) {
  const [block, info] = await Promise.all([
    api.get(`chain/blocks/${encodeURIComponent(id)}`, { auth: false }),
    ctx.chainInfo().catch(() => null),
  ]);
  if (!ctx.alive()) return;
  document.getElementById('page-title').textContent = `Block #${block.number}`;
  const best = info ? info.bestNumber : null;
  const nav = h('div', { class: 'pager' },
    link('#/explorer', '« Explorer', { class: 'btn btn-secondary btn-small' }),
    block.number > 0 ? link(`#/block/${block.number - 1}`, `‹ #${block.number - 1}`, { class: 'btn btn-secondary btn-small', 'data-testid': 'block-prev' }) : null,
    best === null || block.number < best ? link(`#/block/${block.number + 1}`, `#${block.number + 1} ›`, { class: 'btn btn-secondary btn-small', 'data-testid': 'block-next' }) : null);
  const extrinsics = block.extrinsics || [];
  const events = block.events || [];
  mount(ctx.main,
    nav,
    card(`Block #${block.number}`, { testid: 'block-card', id: 'block-card' }, facts([
      ['Number', String(block.number), 'block-number'],
      ['Time', block.timestamp ? `${fmtTime(block.timestamp)} (${fmtAgo(block.timestamp)})` : '—'],
      ['Hash', mono(block.hash), 'block-hash'],
      ['Parent', block.number > 0 ? link(`#/block/${block.parentHash}`, block.parentHash, { class: 'mono' }) : mono(block.parentHash)],
      ['State root', mono(block.stateRoot)],
      ['Extrinsics root', mono(block.extrinsicsRoot)],
    ])),
    card(`Extrinsics (${extrinsics.length})`, { testid: 'extrinsics-card', id: 'extrinsics-card' }, table({
      testid: 'extrinsics-table',
      rowTestid: (x) => `extrinsic-${x.index}`,
      empty: 'No extrinsics in this block.',
      rows: extrinsics,
      columns: [
        { label: '#', class: 'num', render: (x) => h('span', { title: x.hash || '' }, `${block.number}-${x.index}`) },
        { label: 'Call', render: (x) => h('span', { class: 'call' }, `${x.pallet}.${x.call}`) },
        { label: 'Signer', render: (x) => (x.signer ? h('div', null, link(`#/account/${x.signer}`, x.signer, { class: 'mono small' }), x.nonce !== null && x.nonce !== undefined ? h('div', { class: 'muted small' }, `nonce ${x.nonce}`) : null) : h('span', { class: 'muted' }, 'inherent')) },
        { label: 'Arguments', render: (x) => kvList(x.args) },
        { label: 'Result', render: (x) => (x.success === false ? h('div', null, badge('FAILED'), x.error ? h('div', { class: 'small text-bad' }, valueView(x.error)) : null) : (x.success === true ? badge('SUCCESS') : badge('UNKNOWN', 'neutral'))) },
      ],
    })),
    card(`Events (${events.length})`, { testid: 'events-card', id: 'events-card' }, table({
      testid: 'events-table',
      rowTestid: (e) => `event-${e.index}`,
      empty: 'No events in this block.',
      rows: events,
      columns: [
        { label: '#', class: 'num', render: (e) => String(e.index) },
        { label: 'Extrinsic', render: (e) => (e.extrinsic === null || e.extrinsic === undefined ? h('span', { class: 'muted' }, e.phase ? String(e.phase).toLowerCase() : 'block') : `${block.number}-${e.extrinsic}`) },
        { label: 'Event', render: (e) => h('span', { class: 'call' }, `${e.pallet}.${e.name}`) },
        { label: 'Fields', render: (e) => kvList(e.fields) },
      ],
    })));
}

export async function renderChainAccount(ctx, address) {
  const [acc, info] = await Promise.all([
    api.get(`chain/accounts/${encodeURIComponent(address)}`, { auth: false }),
    ctx.chainInfo().catch(() => null),
  ]);
  if (!ctx.alive()) return;
  mount(ctx.main,
    h('div', { class: 'pager' }, link('#/explorer', '« Explorer', { class: 'btn btn-secondary btn-small' })),
    card('Account', { testid: 'chain-account', id: 'chain-account' }, facts([
      ['Address', mono(acc.address), 'chain-account-address'],
      ['Nonce (transactions sent)', String(acc.nonce)],
      ['Free', chainAmount(acc.free, info), 'chain-account-free'],
      ['Reserved', chainAmount(acc.reserved, info)],
      ['Frozen', chainAmount(acc.frozen, info)],
    ])));
}
