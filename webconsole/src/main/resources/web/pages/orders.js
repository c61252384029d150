// The tenant's orders, newest first; PROCESSING ones can be canceled (refunded in full).
import * as api from '../api.js';
import { h, mount, card, table, badge, notice, errorBox, spinner, fmtTime, fmtAgo, amountText, link, plural, runBusy } from '../ui.js';

export async function render(ctx) {
  const note = notice('orders-notice');
  const body = h('div', null, spinner('Loading orders…', 'orders-loading'));
  const live = h('span', { class: 'muted small', 'aria-live': 'polite', 'data-testid': 'orders-live' });
  const highlight = ctx.query.get('order');
  let orders = [];

  function cancelButton(o) {
    const btn = h('button', { type: 'button', class: 'btn btn-danger btn-small', 'data-testid': `cancel-${o.id}`, 'aria-label': `Cancel order ${o.id}` }, 'Cancel');
    btn.addEventListener('click', () => {
      if (!window.confirm(`Cancel order #${o.id}? Its ${amountText(o.amount)} comes back to your account.`)) return;
      runBusy(btn, async () => {
        note.clear();
        const after = await api.post(`client/orders/${o.id}/cancel`);
        note.success(h('span', { 'data-testid': 'cancel-success' }, `Order #${after.id} is ${after.state.toLowerCase()}: ${amountText(after.amount)} refunded.`));
        await load();
      }, (err) => note.error(err));
    });
    return btn;
  }

  async function load() {
    orders = await api.get('client/orders');
    if (!ctx.alive()) return;
    mount(body, table({
      testid: 'orders-table',
      caption: 'Your orders, newest first',
      rowTestid: (o) => `order-${o.id}`,
      empty: h('span', null, 'No orders yet. ', link('#/market', 'Rent a machine on the market'), '.'),
      rows: orders,
      columns: [
        { label: 'Order', class: 'num', render: (o) => h('strong', { class: String(o.id) === highlight ? 'highlight' : null }, `#${o.id}`) },
        { label: 'Kind', render: (o) => (o.renewal ? badge('RENEWAL') : 'New lease') },
        { label: 'Machine', class: 'num', render: (o) => `#${o.resource}` },
        { label: 'Duration', class: 'num', render: (o) => plural(o.hours, 'hour') },
        { label: 'Amount', class: 'num', render: (o) => amountText(o.amount) },
        { label: 'Created', render: (o) => h('span', { title: fmtTime(o.createdAt) }, fmtAgo(o.createdAt)) },
        { label: 'Lease', render: (o) => (o.agreement !== null && o.agreement !== undefined ? link('#/resources', `#${o.agreement}`) : '—') },
        { label: 'Status', render: (o) => h('span', { 'data-testid': `order-state-${o.id}` }, badge(o.state)) },
        { label: 'Action', render: (o) => (o.state === 'PROCESSING' ? cancelButton(o) : (o.state === 'COMPLETED' && !o.renewal ? link('#/resources', 'My resources') : '')) },
      ],
    }));
    const waiting = orders.filter((o) => o.state === 'PROCESSING').length;
    live.textContent = waiting ? `${plural(waiting, 'order')} waiting for the provider; refreshing every 3 s` : '';
  }

  mount(ctx.main,
    h('p', { class: 'muted' }, 'An order pays the rent into escrow; the provider starts the machine and the order becomes COMPLETED. A PROCESSING order can be canceled and is refunded in full.'),
    note,
    card('Orders', { testid: 'orders-card', id: 'orders-card', actions: [live, h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-testid': 'orders-refresh', onclick: () => load().catch((err) => mount(body, errorBox(err, 'orders-error'))) }, 'Refresh')] }, body));
  try {
    await load();
  } catch (err) {
    if (err.status === 401) throw err;
    mount(body, errorBox(err, 'orders-error'));
  }
  let ticks = 0;
  ctx.every(3000, async () => {
    ticks += 1;
    if (orders.some((o) => o.state === 'PROCESSING') || ticks % 5 === 0) await load();
  });
}
