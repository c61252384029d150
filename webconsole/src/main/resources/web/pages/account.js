// The tenant's account: status and balances, unlock/lock, the keystore (import), client settings.
import * as api from '../api.js';
import { h, mount, card, table, badge, mono, notice, errorBox, spinner, facts, amountText, link, input, field, form, runBusy } from '../ui.js';

export async function render(ctx) {
  const note = notice('account-notice');
  const statusBody = h('div', null, spinner('Loading account…', 'account-loading'));
  const accountsBody = h('div', null, spinner('Loading keystore…'));
  const settingsBody = h('div', null, spinner('Loading settings…'));
  const accountSelect = h('select', { id: 'unlock-account', 'data-testid': 'unlock-account' });

  async function loadStatus() {
    const s = await api.get('client/status');
    if (!ctx.alive()) return s;
    const lock = h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-testid': 'lock', disabled: !s.unlocked }, 'Lock');
    lock.addEventListener('click', () => runBusy(lock, async () => {
      note.clear();
      await api.post('client/lock');
      note.success('Locked: the key is out of memory and every link is closed.');
      await loadStatus();
    }, (err) => note.error(err)));
    mount(statusBody, facts([
      ['Account', s.account || h('span', { class: 'muted' }, 'none configured'), 'account-name'],
      ['Address', s.address ? link(`#/account/${s.address}`, s.address, { class: 'mono' }) : '—', 'account-address'],
      ['Key', h('span', { 'data-testid': 'account-lock-state' }, badge(s.unlocked ? 'UNLOCKED' : 'LOCKED'))],
      ['Chain', h('span', null, badge(s.chainConnected ? 'CONNECTED' : 'DISCONNECTED'), ' ', h('span', { class: 'mono small' }, s.chainUrl || '—'))],
      ['Free balance', s.balance ? amountText(s.balance.free) : '—', 'balance-free'],
      ['Reserved', s.balance ? amountText(s.balance.reserved) : '—', 'balance-reserved'],
      ['Transferable', s.balance ? h('strong', null, amountText(s.balance.transferable)) : '—', 'balance-transferable'],
      ['P2P peer id', s.peerId ? mono(s.peerId, 10) : '—'],
      ['Open links', String(s.links ?? 0)],
    ], 'account-facts'), s.detail ? h('p', { class: 'muted', 'data-testid': 'account-detail' }, s.detail) : null, h('div', { class: 'form-actions' }, lock));
    if (s.account && [...accountSelect.options].some((o) => o.value === s.account)) accountSelect.value = s.account;
    return s;
  }

  async function loadAccounts() {
    const accounts = await api.get('client/accounts');
    if (!ctx.alive()) return;
    const chosen = accountSelect.value;
    mount(accountSelect, h('option', { value: '' }, '(the configured account)'), accounts.map((a) => h('option', { value: a.name }, `${a.name} — ${a.address.slice(0, 8)}…`)));
    const inUse = accounts.find((a) => a.inUse);
    accountSelect.value = chosen || (inUse ? inUse.name : '');
    mount(accountsBody, table({
      testid: 'accounts-table',
      caption: 'Accounts in the keystore',
      rowTestid: (a) => `keystore-${a.name}`,
      empty: 'The keystore is empty: import an account below.',
      rows: accounts,
      columns: [
        { label: 'Name', render: (a) => h('strong', null, a.name) },
        { label: 'Address', render: (a) => link(`#/account/${a.address}`, a.address, { class: 'mono small' }) },
        { label: 'In use', render: (a) => (a.inUse ? badge('IN USE') : '') },
      ],
    }));
  }

  async function loadSettings() {
    const s = await api.get('client/settings');
    if (!ctx.alive()) return;
    const chainUrl = input({ id: 'settings-chain-url', value: s.chainUrl || '', placeholder: 'ws://127.0.0.1:9944', 'data-testid': 'settings-chain-url' });
    const account = input({ id: 'settings-account', value: s.account || '', 'data-testid': 'settings-account' });
    const sshKey = h('textarea', { id: 'settings-ssh-key', rows: 3, spellcheck: 'false', 'data-testid': 'settings-ssh-key' });
    sshKey.value = s.sshPublicKey || '';
    const keyPath = input({ id: 'settings-ssh-key-path', value: s.sshPrivateKeyPath || '', 'data-testid': 'settings-ssh-key-path' });
    const gateways = h('textarea', { id: 'settings-gateways', rows: 3, spellcheck: 'false', 'data-testid': 'settings-gateways', placeholder: 'one peer id or multiaddr per line' });
    gateways.value = (s.preferredGateways || []).join('\n');
    const settingsNote = notice('settings-notice');
    mount(settingsBody, form({ class: 'form', id: 'settings-form', 'data-testid': 'settings-form' }, [
      field('Chain node URL', chainUrl, 'The WebSocket URL of the node this client uses.'),
      field('Account name', account, 'The keystore account that signs orders.'),
      field('SSH public key', sshKey, 'An OpenSSH public key line, or the path of its file; put on rented machines unless a purchase names another key.'),
      field('SSH private key path', keyPath, 'Used in the ssh command shown for a link.'),
      field('Preferred gateways', gateways, 'Tried first when a provider is reachable only through a relay.'),
      settingsNote,
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'settings-save' }, 'Save settings')),
    ], async () => {
      settingsNote.clear();
      const changes = {};
      const set = (key, value, old) => { if (value !== (old ?? '')) changes[key] = value; };
      set('chainUrl', chainUrl.value.trim(), s.chainUrl);
      set('account', account.value.trim(), s.account);
      set('sshPublicKey', sshKey.value.trim(), s.sshPublicKey);
      set('sshPrivateKeyPath', keyPath.value.trim(), s.sshPrivateKeyPath);
      const gw = gateways.value.split(/[\n,]/).map((x) => x.trim()).filter(Boolean);
      if (gw.join('\n') !== (s.preferredGateways || []).join('\n')) changes.preferredGateways = gw;
      if (Object.keys(changes).length === 0) {
        settingsNote.show('info', 'Nothing changed.');
        return;
      }
      await api.put('client/settings', changes);
      note.success(`Settings saved: ${Object.keys(changes).join(', ')}.`);
      await Promise.allSettled([loadSettings(), loadStatus()]);
    }, (err) => settingsNote.error(err)));
  }

  // unlock
  const unlockNote = notice('unlock-notice');
  const unlockPassword = input({ type: 'password', id: 'unlock-password', autocomplete: 'current-password', 'data-testid': 'unlock-password' });
  const unlockForm = form({ class: 'form', id: 'unlock-form', 'data-testid': 'unlock-form' }, [
    field('Account', accountSelect),
    field('Keystore password', unlockPassword),
    unlockNote,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'unlock-submit' }, 'Unlock')),
  ], async () => {
    unlockNote.clear();
    if (!unlockPassword.value) throw new Error('Enter the password the account was imported with.');
    const s = await api.post('client/unlock', { account: accountSelect.value || null, password: unlockPassword.value });
    unlockPassword.value = '';
    note.success(`Unlocked ${s.account}: this client signs with it now.`);
    await Promise.allSettled([loadStatus(), loadAccounts()]);
  }, (err) => unlockNote.error(err));

  // import
  const importNote = notice('import-notice');
  const importName = input({ id: 'import-name', 'data-testid': 'import-name', placeholder: 'e.g. tenant' });
  const kindSecret = h('input', { type: 'radio', name: 'import-kind', value: 'secret', checked: true, id: 'import-kind-secret' });
  const kindJson = h('input', { type: 'radio', name: 'import-kind', value: 'json', id: 'import-kind-json' });
  const secret = h('textarea', { id: 'import-secret', rows: 2, spellcheck: 'false', autocomplete: 'off', 'data-testid': 'import-secret', placeholder: 'twelve or twenty-four words, a 0x seed, or a URI like //Alice' });
  const jsonText = h('textarea', { id: 'import-json', rows: 4, spellcheck: 'false', 'data-testid': 'import-json', placeholder: '{"encoded": "…", "encoding": {…}, "address": "…"}' });
  const jsonFile = h('input', { type: 'file', id: 'import-json-file', accept: '.json,application/json', 'data-testid': 'import-json-file' });
  jsonFile.addEventListener('change', async () => {
    const f = jsonFile.files && jsonFile.files[0];
    if (f) jsonText.value = await f.text();
  });
  const secretField = field('Secret', secret, 'Stored encrypted with the password below; it never leaves this machine.');
  const jsonField = h('div', { hidden: true }, field('polkadot.js JSON export', jsonText), field('…or read it from a file', jsonFile));
  const showKind = () => {
    secretField.hidden = !kindSecret.checked;
    jsonField.hidden = !kindJson.checked;
  };
  kindSecret.addEventListener('change', showKind);
  kindJson.addEventListener('change', showKind);
  const importPassword = input({ type: 'password', id: 'import-password', autocomplete: 'new-password', 'data-testid': 'import-password' });
  const importForm = form({ class: 'form', id: 'import-form', 'data-testid': 'import-form' }, [
    field('Name', importName),
    h('fieldset', { class: 'radio-row' }, h('legend', null, 'Import from'),
      h('label', { class: 'check' }, kindSecret, ' Mnemonic, seed or URI'),
      h('label', { class: 'check' }, kindJson, ' polkadot.js JSON')),
    secretField,
    jsonField,
    field('Password', importPassword, 'Encrypts the key in the keystore (for a JSON export: its own password).'),
    importNote,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'import-submit' }, 'Import')),
  ], async () => {
    importNote.clear();
    const name = importName.value.trim();
    if (!name) throw new Error('Give the account a name.');
    if (!importPassword.value) throw new Error('Enter a password.');
    const body = { name, password: importPassword.value };
    if (kindSecret.checked) {
      if (!secret.value.trim()) throw new Error('Enter the mnemonic, seed or URI.');
      body.secret = secret.value.trim();
    } else {
      if (!jsonText.value.trim()) throw new Error('Paste the JSON export or choose its file.');
      body.json = jsonText.value.trim();
    }
    const a = await api.post('client/accounts', body);
    secret.value = '';
    jsonText.value = '';
    importPassword.value = '';
    note.success(`Imported ${a.name} (${a.address}). Unlock it to use it.`);
    await loadAccounts();
  }, (err) => importNote.error(err));

  mount(ctx.main, note,
    card('Account and balances', { testid: 'account-card', id: 'account-card' }, statusBody),
    h('div', { class: 'grid-2' },
      card('Unlock', { testid: 'unlock-card', id: 'unlock-card', subtitle: 'Signing needs the key in memory; locking forgets it.' }, unlockForm),
      card('Import an account', { testid: 'import-card', id: 'import-card' }, importForm)),
    card('Keystore', { testid: 'keystore-card', id: 'keystore-card' }, accountsBody),
    card('Client settings', { testid: 'settings-card', id: 'settings-card' }, settingsBody));

  const results = await Promise.allSettled([loadAccounts(), loadStatus(), loadSettings()]);
  if (!ctx.alive()) return;
  [accountsBody, statusBody, settingsBody].forEach((body, i) => {
    const r = results[i];
    if (r.status === 'rejected') {
      if (r.reason.status === 401) throw r.reason;
      mount(body, errorBox(r.reason, `account-error-${i}`));
    }
  });
  ctx.every(10000, async () => {
    if (!ctx.main.querySelector('[aria-busy]')) await loadStatus();
  });
}
