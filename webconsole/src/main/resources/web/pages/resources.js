// The tenant's leases: renew, link (a local port to the machine's SSH), the ssh command, unlink; refunds.
import * as api from '../api.js';
import { h, mount, card, table, badge, mono, notice, errorBox, spinner, fmtTime, fmtDuration, fmtBytes, amountText, link, plural, input, field, form, dialog, copyable, runBusy, facts, fmtUnits } from '../ui.js';
import { tokenOf } from './market.js';

/** How a link reaches the provider; NONE until its first connection. */
function routeBadge(route) {
  return route === 'NONE' || !route ? badge('NO CONNECTION YET', 'neutral') : badge(route);
}

function renewDialog(agreement, token, done) {
  dialog(`Renew lease #${agreement.id}`, (close) => {
    const note = notice('renew-notice');
    const hours = input({ type: 'number', id: 'renew-hours', min: 1, step: 1, value: '1', inputmode: 'numeric', 'data-testid': 'renew-hours' });
    const estimate = h('dd', { 'data-testid': 'renew-estimate' });
    const update = () => {
      const n = Number(hours.value);
      if (!Number.isInteger(n) || n < 1) {
        estimate.textContent = '—';
      } else if (token && agreement.pricePerHour) {
        estimate.textContent = `about ${fmtUnits(BigInt(agreement.pricePerHour.units) * BigInt(n), token.decimals)} ${token.symbol}`;
      } else {
        estimate.textContent = `${amountText(agreement.pricePerHour)} × ${n}`;
      }
    };
    hours.addEventListener('input', update);
    update();
    return form({ class: 'form', 'data-testid': 'renew-form' }, [
      field('Additional hours', hours),
      h('dl', { class: 'breakdown' },
        h('div', null, h('dt', null, 'Price per hour (at lease start)'), h('dd', null, amountText(agreement.pricePerHour))),
        h('div', null, h('dt', null, 'Rent'), estimate),
        h('div', null, h('dt', null, 'Transaction fee'), h('dd', { class: 'muted' }, 'plus a small transaction fee'))),
      h('p', { class: 'muted small' }, "A renewal pays the machine's current price; the provider extends the lease when it executes the order."),
      note,
      h('div', { class: 'form-actions' },
        h('button', { type: 'button', class: 'btn btn-secondary', onclick: close }, 'Cancel'),
        h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'renew-confirm' }, 'Renew')),
    ], async () => {
      note.clear();
      const n = Number(hours.value);
      if (!Number.isInteger(n) || n < 1) {
        note.error(new Error('Enter a whole number of hours, at least 1.'));
        return;
      }
      const order = await api.post(`client/agreements/${agreement.id}/renew`, { hours: n });
      close();
      done(order);
    }, (err) => note.error(err));
  }, 'renew-dialog');
}

export async function render(ctx) {
  const note = notice('resources-notice');
  const leasesBody = h('div', null, spinner('Loading your leases…', 'resources-loading'));
  const linksBody = h('div', null);
  const refundsBody = h('div', null, spinner('Loading refunds…', 'refunds-loading'));
  let token = null;
  let info = null;
  const ports = new Map(); // agreement → port input, kept across refreshes

  function linkCell(a) {
    if (a.link) {
      const l = a.link;
      const unlink = h('button', { type: 'button', class: 'btn btn-ghost btn-small', 'data-testid': `unlink-${a.id}` }, 'Disconnect');
      unlink.addEventListener('click', () => runBusy(unlink, async () => {
        note.clear();
        await api.del(`client/links/${a.id}`);
        note.success(`Lease #${a.id}: local port ${l.port} closed.`);
        await load();
      }, (err) => note.error(err)));
      return h('div', { class: 'link-cell' },
        copyable(l.sshCommand, `ssh-command-${a.id}`),
        h('div', { class: 'small muted' }, routeBadge(l.route), ` 127.0.0.1:${l.port}`, l.gateway ? ` via gateway ${l.gateway.slice(-8)}` : '', ' ', unlink));
    }
    if (a.status !== 'USING') return h('span', { class: 'muted small' }, 'no access');
    let port = ports.get(a.id);
    if (!port) {
      port = input({ type: 'number', min: 1, max: 65535, step: 1, placeholder: 'auto', class: 'port-input', 'aria-label': `Local port for lease ${a.id} (empty: any free port)`, 'data-testid': `link-port-${a.id}` });
      ports.set(a.id, port);
    }
    const btn = h('button', { type: 'button', class: 'btn btn-primary btn-small', 'data-testid': `link-${a.id}` }, 'Link');
    btn.addEventListener('click', () => runBusy(btn, async () => {
      note.clear();
      const p = port.value.trim();
      if (p && !(/^\d+$/.test(p) && Number(p) >= 1 && Number(p) <= 65535)) throw new Error('The local port must be a number from 1 to 65535, or empty for any free port.');
      const l = await api.post('client/links', { agreement: a.id, port: p ? Number(p) : null });
      note.success(h('span', { 'data-testid': 'link-success' }, `Lease #${a.id} is linked to 127.0.0.1:${l.port}: log in with the ssh command below (the first connection finds the route to the provider).`));
      await load();
    }, (err) => note.error(err)));
    return h('div', { class: 'inline-form' }, port, btn);
  }

  function renewButton(a) {
    if (a.status !== 'USING') return null;
    return h('button', {
      type: 'button', class: 'btn btn-secondary btn-small', 'data-testid': `renew-${a.id}`,
      onclick: () => renewDialog(a, token, (order) => {
        note.success(`Renewal order #${order.id} placed for ${plural(order.hours, 'hour')}; `, link(`#/orders?order=${order.id}`, 'follow it on the orders page'), '.');
        load();
      }),
    }, 'Renew');
  }

  async function loadLeases() {
    const leases = await api.get('client/resources');
    if (!ctx.alive()) return;
    if (!token) token = tokenOf(info, leases[0] && leases[0].pricePerHour);
    mount(leasesBody, table({
      testid: 'leases-table',
      caption: 'Your leases',
      rowTestid: (a) => `lease-${a.id}`,
      empty: h('span', null, 'No leases yet: once a provider executes your order the machine shows here. ', link('#/market', 'Go to the market'), '.'),
      rows: leases,
      columns: [
        { label: 'Lease', class: 'num', render: (a) => h('strong', null, `#${a.id}`) },
        { label: 'Machine', render: (a) => h('div', null, `#${a.resource}`, h('div', { class: 'muted small' }, 'order #', String(a.order))) },
        { label: 'Provider', render: (a) => h('div', null, mono(a.provider, 6), a.peerId ? h('div', { class: 'muted small' }, 'peer ', mono(a.peerId, 6)) : null) },
        { label: 'Status', render: (a) => h('span', { 'data-testid': `lease-status-${a.id}` }, badge(a.status)) },
        { label: 'Period', render: (a) => h('div', { class: 'small' }, h('div', null, fmtTime(a.start)), h('div', null, '→ ', fmtTime(a.end))) },
        { label: 'Remaining', class: 'num', render: (a) => (a.remainingSeconds > 0 ? fmtDuration(a.remainingSeconds) : '—') },
        { label: 'Price / paid', class: 'num', render: (a) => h('div', null, amountText(a.pricePerHour), ' /h', h('div', { class: 'muted small' }, amountText(a.paid), ' paid')) },
        { label: 'Access', render: linkCell },
        { label: '', render: renewButton },
      ],
    }));
  }

  async function loadLinks() {
    const links = await api.get('client/links');
    if (!ctx.alive()) return;
    mount(linksBody, table({
      testid: 'links-table',
      caption: 'Open links',
      rowTestid: (l) => `link-row-${l.agreement}`,
      empty: 'No open links.',
      rows: links,
      columns: [
        { label: 'Lease', class: 'num', render: (l) => `#${l.agreement}` },
        { label: 'Local port', class: 'num', render: (l) => `127.0.0.1:${l.port}` },
        { label: 'Route', render: (l) => h('div', null, routeBadge(l.route), l.gateway ? h('div', { class: 'muted small' }, 'gateway ', mono(l.gateway, 6)) : null) },
        { label: 'Connections', class: 'num', render: (l) => `${l.active} open / ${l.connections} total${l.failed ? `, ${l.failed} failed` : ''}` },
        { label: 'Traffic', class: 'num', render: (l) => `↑ ${fmtBytes(l.bytesToMachine)} ↓ ${fmtBytes(l.bytesFromMachine)}` },
        { label: 'Last error', render: (l) => (l.lastError ? h('span', { class: 'text-bad small' }, l.lastError) : h('span', { class: 'muted' }, 'none')) },
      ],
    }));
  }

  async function loadRefunds() {
    const r = await api.get('client/refunds');
    if (!ctx.alive()) return;
    const claimable = r.claimable && r.claimable.units && r.claimable.units !== '0';
    const claim = h('button', { type: 'button', class: 'btn btn-primary btn-small', 'data-testid': 'refunds-claim', disabled: !claimable }, 'Claim refunds');
    claim.addEventListener('click', () => runBusy(claim, async () => {
      note.clear();
      const c = await api.post('client/refunds/claim');
      note.success(`Claimed ${amountText(c.claimed)}.`);
      await loadRefunds();
    }, (err) => note.error(err)));
    mount(refundsBody, facts([
      ['Claimable', h('strong', { 'data-testid': 'refunds-claimable' }, amountText(r.claimable))],
      ['Leases the provider broke', r.punishedAgreements.length ? r.punishedAgreements.map((id) => `#${id}`).join(', ') : 'none'],
    ]), h('p', { class: 'muted small' }, 'When a provider stops serving a lease, the rest of its rent and the penalty come back to you here.'), claim);
  }

  async function load() {
    await Promise.all([loadLeases(), loadLinks()]);
  }

  mount(ctx.main, note,
    card('Leases', { testid: 'leases-card', id: 'leases-card', actions: h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-testid': 'resources-refresh', onclick: () => load().catch((err) => note.error(err)) }, 'Refresh') }, leasesBody),
    card('Links', { testid: 'links-card', id: 'links-card', subtitle: 'Local ports forwarded to your machines over the p2p network' }, linksBody),
    card('Refunds', { testid: 'refunds-card', id: 'refunds-card' }, refundsBody));

  info = await ctx.chainInfo().catch(() => null);
  const results = await Promise.allSettled([loadLeases(), loadLinks(), loadRefunds()]);
  if (!ctx.alive()) return;
  const bodies = [leasesBody, linksBody, refundsBody];
  results.forEach((r, i) => {
    if (r.status === 'rejected') {
      if (r.reason.status === 401) throw r.reason;
      mount(bodies[i], errorBox(r.reason, `resources-error-${i}`));
    }
  });
  ctx.every(5000, async () => {
    if (!document.querySelector('dialog[open]') && !ctx.main.querySelector('[aria-busy]')) await load();
  });
}
