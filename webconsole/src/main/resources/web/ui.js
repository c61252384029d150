// Small DOM helpers shared by the pages: element builder, cards, tables, badges, forms, notices, formatting.

/** h('div', {class: 'x', 'data-testid': 'y', onclick: fn}, child, [children], 'text') */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key.startsWith('on') && typeof value === 'function') {
        el.addEventListener(key.slice(2), value);
      } else if (key === 'class') {
        el.className = value;
      } else if (key === 'value' || key === 'checked' || key === 'selected' || key === 'disabled') {
        el[key] = value;
      } else if (key === 'html') {
        throw new Error('no raw HTML');
      } else {
        el.setAttribute(key, value === true ? '' : String(value));
      }
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces the element's children. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function spinner(label = 'Loading…', testid = 'loading') {
  return h('div', { class: 'loading', role: 'status', 'aria-live': 'polite', 'data-testid': testid },
    h('span', { class: 'spin', 'aria-hidden': 'true' }), h('span', null, label));
}

/** A clear error panel: the server's message first, its code and status after. */
export function errorBox(err, testid = 'error') {
  const message = (err && err.message) || String(err);
  const meta = [];
  if (err && err.code) meta.push(err.code);
  if (err && err.status) meta.push(`HTTP ${err.status}`);
  return h('div', { class: 'alert alert-error', role: 'alert', 'data-testid': testid },
    h('strong', null, 'Error: '), h('span', { class: 'alert-message' }, message),
    meta.length ? h('span', { class: 'alert-meta' }, ` (${meta.join(', ')})`) : null);
}

/** A notice area for the results of actions; show() replaces what it shows. */
export function notice(testid = 'notice') {
  const el = h('div', { class: 'notice-area', 'aria-live': 'polite', 'data-testid': testid });
  el.show = (kind, ...content) => {
    if (kind === 'error') mount(el, errorBox(content[0], `${testid}-error`));
    else mount(el, h('div', { class: `alert alert-${kind}`, role: kind === 'success' ? 'status' : 'alert' }, content));
    // the result of an action far down a long page must not go unseen
    requestAnimationFrame(() => {
      if (el.isConnected && el.firstChild) el.scrollIntoView({ block: 'nearest' });
    });
  };
  el.error = (err) => el.show('error', err);
  el.success = (...content) => el.show('success', ...content);
  el.clear = () => el.replaceChildren();
  return el;
}

export function card(title, { actions, testid, id, subtitle } = {}, ...body) {
  return h('section', { class: 'card', 'data-testid': testid, id, 'aria-labelledby': id ? `${id}-title` : null },
    title || actions ? h('header', { class: 'card-head' },
      h('div', null, h('h2', { id: id ? `${id}-title` : null }, title), subtitle ? h('p', { class: 'muted' }, subtitle) : null),
      actions ? h('div', { class: 'card-actions' }, actions) : null) : null,
    h('div', { class: 'card-body' }, body));
}

/** A definition list of label → value pairs (values may be nodes). */
export function facts(pairs, testid) {
  return h('dl', { class: 'facts', 'data-testid': testid },
    pairs.filter(Boolean).map(([label, value, tid]) => h('div', { class: 'fact' },
      h('dt', null, label), h('dd', { 'data-testid': tid }, value === undefined || value === null || value === '' ? '—' : value))));
}

/**
 * A table: columns [{label, render(row) → node|text, class}], rows; rowTestid(row) names each row.
 */
export function table({ columns, rows, empty = 'Nothing to show.', testid, rowTestid, caption }) {
  if (!rows || rows.length === 0) {
    return h('p', { class: 'empty', 'data-testid': testid ? `${testid}-empty` : null }, empty);
  }
  return h('div', { class: 'table-wrap' },
    h('table', { 'data-testid': testid },
      caption ? h('caption', { class: 'sr-only' }, caption) : null,
      h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col', class: c.class }, c.label)))),
      h('tbody', null, rows.map((row) => h('tr', { 'data-testid': rowTestid ? rowTestid(row) : null },
        columns.map((c) => h('td', { class: c.class, 'data-label': c.label }, c.render(row))))))));
}

const BADGE_KINDS = {
  ok: ['COMPLETED', 'USING', 'UNUSED', 'REGISTERED', 'RUNNING', 'CONNECTED', 'UNLOCKED', 'SUCCESS', 'DIRECT', 'ONLINE', 'IN USE', 'YES', 'OK'],
  warn: ['PROCESSING', 'LOCKED', 'REGISTERING', 'WAITING_FOR_CHAIN', 'UNCONFIGURED', 'PENDING', 'CHAIN_UNREACHABLE', 'RELAYED', 'STOPPED', 'UNKNOWN', 'LATE'],
  bad: ['CANCELLED', 'FAILED', 'PUNISHED', 'REFUSED', 'MISSING', 'ERROR', 'DISCONNECTED', 'NO', 'OVERDUE'],
  info: ['INUSE', 'RENEWAL', 'INBOUND', 'OUTBOUND'],
};

export function badge(text, kind) {
  const t = String(text ?? '—');
  const upper = t.toUpperCase();
  const k = kind || Object.keys(BADGE_KINDS).find((name) => BADGE_KINDS[name].includes(upper)) || 'neutral';
  return h('span', { class: `badge badge-${k}` }, t);
}

let fieldSeq = 0;

/** A labelled form field. input is an element; its id is set when missing. */
export function field(label, input, hint) {
  if (!input.id) input.id = `f${++fieldSeq}`;
  const hintEl = hint ? h('small', { class: 'hint', id: `${input.id}-hint` }, hint) : null;
  if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: input.id }, label), input, hintEl);
}

export function input(attrs = {}) {
  return h('input', { type: 'text', autocomplete: 'off', ...attrs });
}

/**
 * A button that runs an async action: disabled with a spinner while it runs; errors go to report(err).
 */
export function actionButton(label, action, { testid, kind = 'primary', report, title, type = 'button', id } = {}) {
  const btn = h('button', { type, class: `btn btn-${kind}`, 'data-testid': testid, title, id }, label);
  btn.addEventListener('click', (e) => {
    if (type === 'submit') return; // the form's submit handler runs it
    e.preventDefault();
    runBusy(btn, action, report);
  });
  return btn;
}

/** Runs action with btn disabled and marked busy; errors go to report (or are rethrown). */
export async function runBusy(btn, action, report) {
  if (btn.disabled) return undefined;
  btn.disabled = true;
  btn.setAttribute('aria-busy', 'true');
  btn.classList.add('busy');
  try {
    return await action();
  } catch (err) {
    if (report) report(err);
    else throw err;
    return undefined;
  } finally {
    btn.disabled = false;
    btn.removeAttribute('aria-busy');
    btn.classList.remove('busy');
  }
}

/** A form whose submit runs action with its submit button busy. */
export function form(attrs, children, action, report) {
  const f = h('form', { novalidate: true, ...attrs }, children);
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    const btn = f.querySelector('button[type=submit]');
    if (btn) runBusy(btn, () => action(f), report);
    else action(f).catch(report);
  });
  return f;
}

/** A modal dialog; resolves when closed. content(close) builds its body. */
export function dialog(title, content, testid) {
  const dlg = h('dialog', { class: 'dialog', 'data-testid': testid, 'aria-labelledby': `${testid}-title` });
  const close = () => dlg.close();
  mount(dlg, h('header', { class: 'dialog-head' },
    h('h2', { id: `${testid}-title` }, title),
    h('button', { type: 'button', class: 'btn btn-ghost icon', 'aria-label': 'Close', onclick: close }, '×')),
  h('div', { class: 'dialog-body' }, content(close)));
  document.body.appendChild(dlg);
  dlg.addEventListener('close', () => dlg.remove());
  dlg.showModal();
  return dlg;
}

export async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall back below
  }
  const area = h('textarea', { class: 'sr-only', 'aria-hidden': 'true' });
  area.value = text;
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/** A code snippet with a copy button. */
export function copyable(text, testid) {
  const status = h('span', { class: 'copy-status', 'aria-live': 'polite' });
  const btn = h('button', {
    type: 'button', class: 'btn btn-small btn-secondary', 'data-testid': testid ? `copy-${testid}` : null,
    'aria-label': 'Copy to clipboard',
    onclick: async () => {
      const ok = await copyText(text);
      status.textContent = ok ? 'Copied' : 'Select and copy it by hand';
      setTimeout(() => { status.textContent = ''; }, 2500);
    },
  }, 'Copy');
  return h('div', { class: 'copyable' }, h('code', { 'data-testid': testid }, text), btn, status);
}

// ---- formatting ----

export function shortHash(value, keep = 8) {
  if (!value) return '—';
  const s = String(value);
  return s.length <= keep * 2 + 3 ? s : `${s.slice(0, keep + (s.startsWith('0x') ? 2 : 0))}…${s.slice(-keep)}`;
}

/** A hash or address shown short, with the full value as its tooltip. */
export function mono(value, keep) {
  return h('span', { class: keep ? 'mono nowrap' : 'mono', title: value || '' }, keep ? shortHash(value, keep) : (value ?? '—'));
}

export function fmtTime(value) {
  if (value === undefined || value === null || value === '') return '—';
  const d = typeof value === 'number' ? new Date(value) : new Date(String(value));
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function fmtAgo(value) {
  if (!value) return '—';
  const d = typeof value === 'number' ? new Date(value) : new Date(String(value));
  if (Number.isNaN(d.getTime())) return String(value);
  const s = Math.round((Date.now() - d.getTime()) / 1000);
  if (s < -5) return `in ${fmtDuration(-s)}`;
  if (s < 5) return 'just now';
  return `${fmtDuration(s)} ago`;
}

export function fmtDuration(seconds) {
  const s = Math.max(0, Math.floor(Number(seconds) || 0));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  const hrs = Math.floor(m / 60);
  if (hrs < 48) return `${hrs}h ${m % 60}m`;
  return `${Math.floor(hrs / 24)}d ${hrs % 24}h`;
}

export function fmtBytes(n) {
  const v = Number(n) || 0;
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let x = v;
  while (x >= 1024 && i < units.length - 1) {
    x /= 1024;
    i += 1;
  }
  return `${i === 0 ? x : x.toFixed(x < 10 ? 2 : 1)} ${units[i]}`;
}

export const fmtRate = (n) => `${fmtBytes(n)}/s`;

/** Smallest units (string or bigint) as a decimal token amount: 1500000000000 → "1.5". */
export function fmtUnits(units, decimals) {
  let v;
  try {
    v = BigInt(units);
  } catch {
    return String(units);
  }
  const neg = v < 0n;
  if (neg) v = -v;
  const base = 10n ** BigInt(decimals);
  const whole = v / base;
  let frac = (v % base).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
}

/** An Amount record {units, text} (or plain text) as text. */
export function amountText(a) {
  if (a === undefined || a === null) return '—';
  if (typeof a === 'object') return a.text ?? a.units ?? '—';
  return String(a);
}

export function plural(n, one, many = `${one}s`) {
  return `${n} ${Number(n) === 1 ? one : many}`;
}

/** A link to a hash route. */
export function link(href, text, attrs = {}) {
  return h('a', { href, ...attrs }, text);
}
