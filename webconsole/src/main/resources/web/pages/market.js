// Market: offers with filters and sorting, and the purchase dialog with its price breakdown.
import * as api from '../api.js';
import { h, mount, card, table, badge, mono, input, field, form, notice, dialog, errorBox, spinner, fmtUnits, amountText, link, plural } from '../ui.js';

const SORTS = [['price', 'Price'], ['cpu', 'CPU'], ['memory', 'Memory'], ['hours', 'Rentable hours'], ['reputation', 'Reputation']];

/** The token's decimals and symbol: from the chain info, else worked out from an Amount's units and text. */
export function tokenOf(info, sample) {
  if (info && Number.isInteger(info.tokenDecimals)) return { decimals: info.tokenDecimals, symbol: info.tokenSymbol || '' };
  if (sample && sample.units && sample.text) {
    const [num, symbol = ''] = sample.text.split(' ');
    for (let d = 0; d <= 30; d += 1) {
      if (fmtUnits(sample.units, d).replace(/,/g, '') === num) return { decimals: d, symbol };
    }
  }
  return null;
}

function reputation(r) {
  if (!r) return '—';
  const score = Math.round((r.score ?? 0) * 100);
  return h('span', { title: `${r.rentals} rentals, ${r.rentedHours} hours rented, ${r.faults} faults` },
    h('span', { class: 'meter', 'aria-hidden': 'true' }, h('span', { style: `width:${score}%` })),
    ` ${score}%`, h('span', { class: 'muted small' }, ` (${r.rentals}/${r.faults} faults)`));
}

function buyDialog(ctx, offer, token, onBought) {
  dialog(`Rent machine #${offer.id}`, (close) => {
    const note = notice('buy-notice');
    const max = offer.rentableHours > 0 ? offer.rentableHours : undefined;
    const hours = input({ type: 'number', id: 'buy-hours', min: 1, max, step: 1, value: '1', inputmode: 'numeric', 'data-testid': 'buy-hours', required: true });
    const sshKey = h('textarea', { id: 'buy-ssh-key', rows: 3, placeholder: 'ssh-ed25519 AAAA… (empty: the SSH key in your client settings)', 'data-testid': 'buy-ssh-key', spellcheck: 'false' });
    const subtotal = h('dd', { 'data-testid': 'buy-subtotal' });
    const total = h('dd', { 'data-testid': 'buy-total' });
    const fee = h('dd', { 'data-testid': 'buy-fee', class: 'muted' }, 'estimating…');
    const hoursOut = h('dd', null);
    let asked = 0;

    /** The node's quote (rent + the order's transaction fee) for n hours; the latest request wins. */
    async function quote(n) {
      const mine = ++asked;
      fee.textContent = 'estimating…';
      try {
        const q = await api.get(`client/quote?resource=${offer.id}&hours=${n}`);
        if (mine !== asked) return;
        fee.textContent = amountText(q.fee);
        fee.classList.remove('muted');
        subtotal.textContent = amountText(q.rent);
        total.textContent = amountText(q.total);
      } catch (err) {
        if (mine !== asked) return;
        fee.textContent = `plus a small transaction fee (no estimate: ${err.message})`;
      }
    }

    function update() {
      const n = Number(hours.value);
      const valid = Number.isInteger(n) && n >= 1 && (!max || n <= max);
      hoursOut.textContent = valid ? plural(n, 'hour') : '—';
      if (!valid) {
        subtotal.textContent = '—';
        total.textContent = '—';
        return;
      }
      if (token) {
        const units = BigInt(offer.pricePerHour.units) * BigInt(n);
        const text = `${fmtUnits(units, token.decimals)} ${token.symbol}`.trim();
        subtotal.textContent = text;
        total.textContent = `${text} + transaction fee`;
      } else {
        subtotal.textContent = `${amountText(offer.pricePerHour)} × ${n}`;
        total.textContent = `${subtotal.textContent} + transaction fee`;
      }
      quote(n);
    }
    hours.addEventListener('input', update);
    update();

    const f = form({ class: 'form', id: 'buy-form', 'data-testid': 'buy-form' }, [
      h('div', { class: 'offer-summary' },
        h('div', null, h('strong', null, `${offer.cpu} vCPU · ${offer.memoryGiB} GiB RAM · ${offer.diskGiB} GiB disk`)),
        h('div', { class: 'muted small' }, `${offer.system || 'unknown system'} · ${offer.cpuModel || 'unknown CPU'}${offer.region ? ` · ${offer.region}` : ''}`),
        h('div', { class: 'muted small' }, 'Provider ', mono(offer.provider, 8))),
      field('Rental duration (hours)', hours, max ? `1 to ${max} hours` : null),
      field('SSH public key (optional)', sshKey, 'The machine lets this key log in as root.'),
      h('dl', { class: 'breakdown', 'data-testid': 'buy-breakdown', 'aria-label': 'Price breakdown' },
        h('div', null, h('dt', null, 'Price per hour'), h('dd', { 'data-testid': 'buy-price' }, amountText(offer.pricePerHour))),
        h('div', null, h('dt', null, 'Duration'), hoursOut),
        h('div', null, h('dt', null, 'Rent (price × hours)'), subtotal),
        h('div', null, h('dt', null, 'Transaction fee'), fee),
        h('div', { class: 'total' }, h('dt', null, 'Total'), total)),
      h('p', { class: 'muted small' }, 'The rent is held in escrow until the provider starts the machine; you can cancel until then and get it back.'),
      note,
      h('div', { class: 'form-actions' },
        h('button', { type: 'button', class: 'btn btn-secondary', onclick: close }, 'Cancel'),
        h('button', { type: 'submit', class: 'btn btn-primary', id: 'buy-confirm', 'data-testid': 'buy-confirm' }, 'Place order')),
    ], async () => {
      note.clear();
      const n = Number(hours.value);
      if (!Number.isInteger(n) || n < 1 || (max && n > max)) {
        note.error(new Error(max ? `The duration must be a whole number of hours from 1 to ${max}.` : 'The duration must be a whole number of hours, at least 1.'));
        return;
      }
      const key = sshKey.value.trim();
      const order = await api.post('client/buy', { resource: offer.id, hours: n, sshKey: key || null });
      close();
      onBought(order);
    }, (err) => note.error(err));
    return f;
  }, 'buy-dialog');
  document.getElementById('buy-hours')?.focus();
}

export async function render(ctx) {
  const status = h('div', { 'data-testid': 'market-account' });
  const note = notice('market-notice');
  const results = h('div', null, spinner('Loading offers…', 'market-loading'));
  const count = h('span', { class: 'muted small', 'aria-live': 'polite', 'data-testid': 'market-count' });

  const minCpu = input({ type: 'number', min: 0, step: 1, id: 'filter-min-cpu', 'data-testid': 'filter-min-cpu', inputmode: 'numeric' });
  const minMemory = input({ type: 'number', min: 0, step: 1, id: 'filter-min-memory', 'data-testid': 'filter-min-memory', inputmode: 'numeric' });
  const maxPrice = input({ id: 'filter-max-price', 'data-testid': 'filter-max-price', placeholder: 'e.g. 2.5', inputmode: 'decimal' });
  const minHours = input({ type: 'number', min: 0, step: 1, id: 'filter-min-hours', 'data-testid': 'filter-min-hours', inputmode: 'numeric' });
  const sort = h('select', { id: 'filter-sort', 'data-testid': 'filter-sort' }, SORTS.map(([v, l]) => h('option', { value: v }, l)));
  const desc = h('input', { type: 'checkbox', id: 'filter-desc', 'data-testid': 'filter-desc' });
  const all = h('input', { type: 'checkbox', id: 'filter-all', 'data-testid': 'filter-all' });

  let token = null;
  let info = null;

  async function load() {
    const q = api.query({
      minCpu: minCpu.value.trim(), minMemory: minMemory.value.trim(), maxPrice: maxPrice.value.trim(),
      minHours: minHours.value.trim(), sort: sort.value, desc: desc.checked ? 'true' : '', all: all.checked ? 'true' : '',
    });
    const offers = await api.get(`client/market${q}`);
    if (!ctx.alive()) return;
    token = tokenOf(info, offers[0] && offers[0].pricePerHour);
    count.textContent = plural(offers.length, 'offer');
    mount(results, table({
      testid: 'market-table',
      caption: 'Machines on the market',
      rowTestid: (o) => `offer-${o.id}`,
      empty: all.checked ? 'No machines are registered on the chain yet.' : 'No machine matches: none is free right now, or the filters exclude every one. Tick "Show leased and offline" to see them all.',
      rows: offers,
      columns: [
        { label: 'ID', class: 'num', render: (o) => `#${o.id}` },
        { label: 'Machine', render: (o) => h('div', null, h('div', null, `${o.cpu} vCPU · ${o.memoryGiB} GiB · ${o.diskGiB} GiB disk`), h('div', { class: 'muted small' }, [o.system, o.cpuModel, o.gpu].filter(Boolean).join(' · ') || '—')) },
        { label: 'Provider', render: (o) => h('div', null, mono(o.provider, 6), o.region ? h('div', { class: 'muted small' }, o.region) : null) },
        { label: 'Price / hour', class: 'num', render: (o) => h('strong', { 'data-testid': `offer-price-${o.id}` }, amountText(o.pricePerHour)) },
        { label: 'Rentable', class: 'num', render: (o) => plural(o.rentableHours, 'hour') },
        { label: 'Reputation', render: (o) => reputation(o.reputation) },
        { label: 'Status', render: (o) => h('span', { 'data-testid': `offer-status-${o.id}` }, badge(o.status)) },
        {
          label: 'Action',
          render: (o) => (o.status === 'UNUSED'
            ? h('button', { type: 'button', class: 'btn btn-primary btn-small', 'data-testid': `buy-${o.id}`, 'aria-label': `Rent machine ${o.id}`, onclick: () => buyDialog(ctx, o, token, bought) }, 'Rent')
            : h('span', { class: 'muted small' }, 'not available')),
        },
      ],
    }));
  }

  function bought(order) {
    note.success(h('span', { 'data-testid': 'buy-success' },
      `Order #${order.id} placed: ${amountText(order.amount)} for ${plural(order.hours, 'hour')} of machine #${order.resource} is in escrow until the provider starts it. `),
    link(`#/orders?order=${order.id}`, 'Follow it on the orders page', { 'data-testid': 'buy-success-orders' }));
    reload();
  }

  async function reload() {
    try {
      await load();
    } catch (err) {
      if (ctx.alive()) mount(results, errorBox(err, 'market-error'));
    }
  }

  const filters = form({ class: 'filters', id: 'market-filters', 'data-testid': 'market-filters', 'aria-label': 'Filter offers' }, [
    field('Min CPU', minCpu),
    field('Min memory (GiB)', minMemory),
    field('Max price / hour', maxPrice),
    field('Min rentable hours', minHours),
    field('Sort by', sort),
    h('div', { class: 'field checks' },
      h('label', { class: 'check' }, desc, ' Reverse order'),
      h('label', { class: 'check' }, all, ' Show leased and offline')),
    h('div', { class: 'field field-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'filter-apply' }, 'Apply'),
      h('button', { type: 'button', class: 'btn btn-ghost', onclick: () => { [minCpu, minMemory, maxPrice, minHours].forEach((i) => { i.value = ''; }); sort.value = 'price'; desc.checked = false; all.checked = false; reload(); } }, 'Reset')),
  ], async () => {
    note.clear();
    await load().catch((err) => mount(results, errorBox(err, 'market-error')));
  });
  [sort, desc, all].forEach((el) => el.addEventListener('change', () => reload()));

  mount(ctx.main,
    status,
    card('Filters', { testid: 'filters-card' }, filters),
    note,
    card('Machines for rent', { testid: 'offers-card', id: 'offers-card', actions: [count, h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-testid': 'market-refresh', onclick: () => reload() }, 'Refresh')] }, results));

  const [st, inf] = await Promise.allSettled([api.get('client/status'), ctx.chainInfo()]);
  info = inf.status === 'fulfilled' ? inf.value : null;
  if (!ctx.alive()) return;
  if (st.status === 'fulfilled') {
    const s = st.value;
    if (!s.unlocked) {
      mount(status, h('div', { class: 'alert alert-warn', role: 'status' },
        'Your account is locked (or none is set up): ', link('#/account', 'unlock or import one on the Account page'), ' before renting.'));
    } else {
      mount(status, h('div', { class: 'account-strip' },
        h('span', null, 'Buying as ', h('strong', null, s.account || '—'), ' ', mono(s.address, 6)),
        s.balance ? h('span', null, 'Transferable ', h('strong', { 'data-testid': 'market-balance' }, amountText(s.balance.transferable))) : null,
        badge(s.chainConnected ? 'CONNECTED' : 'DISCONNECTED')));
    }
  } else if (st.reason.status === 401) {
    throw st.reason;
  } else {
    mount(status, errorBox(st.reason, 'market-status-error'));
  }
  await reload();
  ctx.every(10000, async () => {
    if (!document.querySelector('dialog[open]')) await load();
  });
}
