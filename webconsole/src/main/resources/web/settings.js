// A role's settings form (provider, gateway) on GET/PUT /hamster/api/<role>/settings: only the changed values are
// sent; the server checks them all, stores nothing if one is bad and answers its message, shown as is.
import * as api from './api.js';
import { h, mount, input, field, form, notice, spinner, facts, mono } from './ui.js';

/**
 * The settings card's body and its loader. prefix names the test ids ("provider" → provider-setting-<key>,
 * provider-settings-save, provider-settings-notice-error, provider-settings-saved); fields are
 * [{key, label, hint, number: true | options: [..] | checkbox: true, placeholder, wide}]; readOnly labels the keys shown
 * but not settable; saved() runs after a save (the role restarts).
 */
export function settingsForm({ path, prefix, fields, readOnly = {}, saved = () => {} }) {
  const body = h('div', null, spinner('Loading settings…', `${prefix}-settings-loading`));
  const note = notice(`${prefix}-settings-notice`);

  function control(f, value) {
    const id = `${prefix}-setting-${f.key}`;
    const attrs = { id, name: f.key, 'data-testid': id };
    if (f.checkbox) return h('input', { ...attrs, type: 'checkbox', checked: value === true });
    if (f.options) return h('select', attrs, f.options.map((o) => h('option', { value: o, selected: value === o }, o)));
    const el = input({ ...attrs, placeholder: f.placeholder, ...(f.number ? { type: 'number', step: 1, min: f.min, max: f.max, inputmode: 'numeric' } : {}) });
    el.value = value === undefined || value === null ? '' : String(value);
    return el;
  }

  function show(s) {
    const values = s.settings || {};
    const controls = Object.fromEntries(fields.map((f) => [f.key, control(f, values[f.key])]));
    const shown = Object.entries(s.readOnly || {}).filter(([k]) => readOnly[k]);
    mount(body, form({ class: 'form', 'data-testid': `${prefix}-settings-form`, 'aria-label': `${prefix} settings` }, [
      h('div', { class: 'grid-form', style: 'align-items: start' }, fields.map((f) => {
        const el = field(f.label, controls[f.key], f.hint);
        if (f.wide) el.style.gridColumn = 'span 2';
        return el;
      })),
      shown.length ? facts(shown.map(([k, v]) => [readOnly[k], v ? mono(v) : h('span', { class: 'muted' }, 'not set'), `${prefix}-setting-${k}`]), `${prefix}-settings-read-only`) : null,
      h('p', { class: 'muted small', 'data-testid': `${prefix}-settings-note` },
        s.note || '', shown.length ? ` Set in etc/${s.pid}.cfg only: ${shown.map(([k]) => readOnly[k].toLowerCase()).join(', ')}.` : ''),
      note,
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': `${prefix}-settings-save` }, 'Save settings')),
    ], async () => {
      note.clear();
      const changes = {};
      for (const f of fields) {
        const el = controls[f.key];
        const old = values[f.key];
        if (f.checkbox) {
          if (el.checked !== old) changes[f.key] = el.checked;
        } else if (el.value.trim() !== String(old ?? '')) {
          const text = el.value.trim();
          // numbers go as numbers; anything else as typed, for the server to say what is wrong with it
          changes[f.key] = f.number && text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
        }
      }
      if (Object.keys(changes).length === 0) {
        note.show('info', 'Nothing changed.');
        return;
      }
      const now = await api.put(path, changes);
      show(now);
      note.success(h('span', { 'data-testid': `${prefix}-settings-saved` }, `Saved ${Object.keys(changes).join(', ')}; the ${prefix} restarts with them.`));
      saved();
    }, (err) => note.error(err)));
  }

  return { body, load: async () => show(await api.get(path)) };
}
