// Browser tests of the Hamster web console against a running all-in-one instance (development network).
// Debian's chromium, headless, driven by playwright-core; no browser is downloaded.
//
//   BASE_URL     the console, default http://127.0.0.1:8181/hamster/
//   SCREENSHOTS  where each step's screenshot goes, default ./screenshots
//   CHROMIUM     the browser, default /usr/bin/chromium
//   HAMSTER_USER / HAMSTER_PASSWORD  a Karaf user, default karaf / karaf
//
// Prints "SSH_COMMAND: <command>" for the lease it links, so a caller can log in with it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const BASE = process.env.BASE_URL || 'http://127.0.0.1:8181/hamster/';
const SHOTS = path.resolve(process.env.SCREENSHOTS || 'screenshots');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const USER = process.env.HAMSTER_USER || 'karaf';
const PASSWORD = process.env.HAMSTER_PASSWORD || 'karaf';
const ORIGIN = new URL(BASE).origin;
const SLOW = 240_000; // the provider starts a machine; the p2p link connects

let browser;
let context;
let page;
let shotNo = 0;
const pageErrors = [];
const foreignRequests = [];
const state = {};

async function shot(name) {
  shotNo += 1;
  const file = path.join(SHOTS, `${String(shotNo).padStart(2, '0')}-${name}.png`);
  await page.evaluate(() => window.scrollTo(0, 0)); // a full-page shot of a scrolled page repeats the sticky header
  await page.screenshot({ path: file, fullPage: true });
  console.log(`screenshot: ${file}`);
}

async function go(hash) {
  await page.goto(new URL(hash, BASE).href);
  await page.waitForSelector('body[data-ready]', { timeout: 30_000 });
}

/** Waits until fn() (in the test) returns a truthy value, retrying on errors. */
async function eventually(what, fn, timeout = SLOW, every = 500) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, every));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

const text = (testid) => page.getByTestId(testid).innerText();

/** Waits for success to show; fails at once with the page's message if the error panel errorTestid shows first. */
async function outcome(success, errorTestid, timeout) {
  const error = page.getByTestId(errorTestid);
  const first = await Promise.race([
    success.waitFor({ timeout }).then(() => 'ok'),
    error.waitFor({ timeout }).then(() => 'error'),
  ]);
  if (first === 'error') throw new Error(`the page reports: ${await error.innerText()}`);
}

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run',
      '--disable-default-apps', '--disable-sync', '--metrics-recording-only', '--disable-dev-shm-usage'],
  });
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  // the console must not load anything from elsewhere: such requests are recorded and refused
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith(ORIGIN + '/')) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') console.log(`browser console: ${m.text()}`);
  });
  page.on('dialog', (d) => d.accept());
});

after(async () => {
  if (browser) await browser.close();
});

test('the console asks for a login on admin pages and shows a wrong password clearly', async () => {
  await go('#/market');
  await page.getByTestId('login-form').waitFor();
  await page.getByLabel('User').fill(USER);
  await page.getByLabel('Password').fill(`${PASSWORD}-wrong`);
  await page.getByTestId('login-submit').click();
  const error = page.getByTestId('login-notice-error');
  await error.waitFor();
  assert.ok((await error.innerText()).length > 10, 'the login error says what is wrong');
  await shot('login-refused');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('offers-card').waitFor();
  assert.equal(await page.getByTestId('login-form').count(), 0);
});

test('tenant: buys resource 0 for an hour, the order completes, the link gives the ssh command', { timeout: 3 * SLOW }, async () => {
  await go('#/market');
  await eventually('resource 0 on the market', async () => {
    if (await page.getByTestId('buy-0').count()) return true;
    await page.getByTestId('market-refresh').click();
    return false;
  }, SLOW, 3000);
  const price = await text('offer-price-0');
  await shot('market');

  await page.getByTestId('buy-0').click();
  const dialog = page.getByTestId('buy-dialog');
  await dialog.waitFor();
  await page.getByLabel('Rental duration (hours)').fill('1');
  assert.equal(await text('buy-subtotal'), price, 'one hour costs the price per hour');
  await eventually('the fee estimate', async () => /^\d[\d.]* \S+$/.test(await text('buy-fee')), 30_000, 250);
  const rent = Number(price.split(' ')[0]);
  const fee = Number((await text('buy-fee')).split(' ')[0]);
  assert.ok(fee > 0 && fee < rent, `a fee (${fee}) smaller than the rent (${rent})`);
  const total = Number((await text('buy-total')).split(' ')[0]);
  assert.ok(Math.abs(total - (rent + fee)) < 1e-9, `total ${total} = rent ${rent} + fee ${fee}`);
  await shot('purchase-dialog');
  await page.getByTestId('buy-confirm').click();
  const success = page.getByTestId('buy-success');
  await outcome(success, 'buy-notice-error', 120_000);
  const order = Number(/Order #(\d+)/.exec(await success.innerText())[1]);
  state.order = order;
  await shot('order-placed');

  await page.getByTestId('buy-success-orders').click();
  await page.getByTestId(`order-${order}`).waitFor();
  await eventually(`order ${order} COMPLETED`, async () => (await text(`order-state-${order}`)).includes('COMPLETED'));
  const agreementText = await page.getByTestId(`order-${order}`).locator('td[data-label="Lease"]').innerText();
  const agreement = Number(/#(\d+)/.exec(agreementText)[1]);
  state.agreement = agreement;
  await shot('order-completed');

  await page.getByTestId('nav-resources').click();
  await page.getByTestId(`lease-${agreement}`).waitFor();
  await eventually(`lease ${agreement} USING`, async () => (await text(`lease-status-${agreement}`)).includes('USING'), 60_000);
  await shot('my-resources');
  await page.getByTestId(`link-${agreement}`).click();
  const command = page.getByTestId(`ssh-command-${agreement}`);
  await outcome(command, 'resources-notice-error', 120_000);
  const ssh = await command.innerText();
  assert.match(ssh, /^ssh -i \S+ -p \d+ root@127\.0\.0\.1$/);
  const copy = page.getByTestId(`copy-ssh-command-${agreement}`);
  assert.ok(await copy.isVisible(), 'the ssh command has a copy button');
  await copy.click();
  await page.getByText('Copied').waitFor({ timeout: 5_000 }).catch(() => {});
  await page.getByTestId('link-success').waitFor();
  await page.getByTestId('links-table').waitFor();
  console.log(`SSH_COMMAND: ${ssh}`);
  await shot('linked-ssh-command');
});

test('provider: changes the price of resource 0 and the market shows it', { timeout: SLOW }, async () => {
  await go('#/provider');
  const input = page.getByTestId('price-input-0');
  await input.waitFor();
  const before = Number(await input.inputValue());
  const price = before === 3.5 ? '4.5' : '3.5';
  await shot('provider-admin');
  await input.fill(price);
  await page.getByTestId('price-save-0').click();
  await outcome(page.getByTestId('action-result'), 'provider-notice-error', 120_000);
  await eventually('the new price in the provider table', async () => (await text('resource-price-0')).startsWith(`${price} `), 30_000);
  await shot('provider-price-changed');

  await page.getByTestId('nav-market').click();
  await page.getByTestId('offers-card').waitFor();
  // resource 0 is leased by now (the tenant test): show every offer, not only free ones
  await page.getByTestId('filter-all').check();
  await eventually('the new price on the market', async () => {
    const shown = page.getByTestId('offer-price-0');
    return (await shown.count()) && (await shown.innerText()).startsWith(`${price} `);
  }, 30_000);
  await shot('market-new-price');
});

test('explorer: shows the latest blocks and a block with its events', { timeout: SLOW }, async () => {
  await go('#/explorer');
  await page.getByTestId('chain-info').waitFor();
  await page.getByTestId('blocks-table').waitFor();
  const rows = page.locator('[data-testid="blocks-table"] tbody tr');
  assert.ok(await rows.count() > 0, 'blocks are listed');
  await shot('explorer');
  // the newest block with events (the purchase and the price change caused some)
  const number = await eventually('a block with events', async () => {
    const n = await page.evaluate(() => {
      for (const tr of document.querySelectorAll('[data-testid="blocks-table"] tbody tr')) {
        const events = Number(tr.querySelector('td[data-label="Events"]').textContent);
        if (events > 0) return tr.dataset.testid.replace('block-row-', '');
      }
      return null;
    });
    return n;
  }, 30_000);
  await page.getByTestId(`block-link-${number}`).click();
  await page.getByTestId('events-table').waitFor();
  assert.equal(await text('block-number'), number);
  assert.ok(await page.locator('[data-testid="events-table"] tbody tr').count() > 0, 'the block shows its events');
  await shot('block-events');
});

test('gateway and account pages: registration, bandwidth chart, balances', { timeout: SLOW }, async () => {
  await go('#/gateway');
  await page.getByTestId('bandwidth-chart').waitFor();
  await page.getByTestId('gateway-registration').waitFor();
  await page.getByTestId('gateway-setting-heartbeatIntervalSeconds').waitFor();
  await shot('gateway');
  await go('#/account');
  await page.getByTestId('account-facts').waitFor();
  assert.match(await text('account-lock-state'), /UNLOCKED/);
  assert.match(await text('balance-free'), /\d/);
  await shot('account');
});

/** Reloads the page (a new hash alone does not) and waits until it is ready. */
async function reload() {
  await page.reload();
  await page.waitForSelector('body[data-ready]', { timeout: 30_000 });
}

test('provider settings: a new heartbeat interval is stored, a bad port shows the server\'s error', { timeout: SLOW }, async () => {
  await go('#/provider');
  const heartbeat = page.getByTestId('provider-setting-heartbeatIntervalSeconds');
  await heartbeat.waitFor();
  const next = (await heartbeat.inputValue()) === '240' ? '180' : '240';
  await heartbeat.fill(next);
  await page.getByTestId('provider-settings-save').click();
  await outcome(page.getByTestId('provider-settings-saved'), 'provider-settings-notice-error', 30_000);
  await shot('provider-settings-saved');
  await reload();
  await heartbeat.waitFor();
  assert.equal(await heartbeat.inputValue(), next, 'the stored interval after a reload');

  const from = page.getByTestId('provider-setting-sshPortFrom');
  const port = await from.inputValue();
  await from.fill('99999');
  await page.getByTestId('provider-settings-save').click();
  const error = page.getByTestId('provider-settings-notice-error');
  await error.waitFor();
  assert.match(await error.innerText(), /sshPortFrom must be from 1024 to 65535, not 99999/);
  await shot('provider-settings-refused');
  await reload();
  await from.waitFor();
  assert.equal(await from.inputValue(), port, 'nothing stored');

  // the provider restarted with the new interval: it is back, and so is the lease it ran
  await eventually('the provider back after its restart', async () => {
    await reload();
    return (await page.getByTestId('provider-peer-id').count()) > 0;
  }, 60_000, 2000);
  if (state.order !== undefined) {
    await eventually(`lease of order ${state.order} after the restart`, async () => (await page.getByTestId(`provider-lease-${state.order}`).count()) > 0, 30_000);
  }
});

test('provider not configured: a banner with the reason above the settings form, and fixing the account starts it', { timeout: SLOW }, async () => {
  await go('#/provider');
  const account = page.getByTestId('provider-setting-account');
  await account.waitFor();
  const name = await account.inputValue();
  assert.ok(name, 'the development network configured an account');
  assert.equal(await page.getByTestId('provider-not-running').count(), 0, 'no banner while it runs');
  await account.fill('nosuch');
  await page.getByTestId('provider-settings-save').click();
  await outcome(page.getByTestId('provider-settings-saved'), 'provider-settings-notice-error', 30_000);

  // the provider restarts without an account it can unlock: the page turns into the banner and the settings
  const banner = page.getByTestId('provider-not-running');
  await banner.waitFor({ timeout: 60_000 });
  assert.match(await text('provider-reason'), /has no account named 'nosuch'; import it with hamster:key-import nosuch/);
  assert.match(await banner.innerText(), /not configured/);
  assert.equal(await page.getByTestId('provider-resources-card').count(), 0, 'no panel that cannot work');
  assert.equal(await page.getByTestId('provider-account-card').count(), 0, 'no panel that cannot work');
  const form = page.getByTestId('provider-settings-form');
  assert.ok((await banner.boundingBox()).y < (await form.boundingBox()).y, 'the banner is above the settings form');
  await shot('provider-not-configured');

  await page.getByTestId('provider-setting-account').fill(name);
  await page.getByTestId('provider-settings-save').click();
  await outcome(page.getByTestId('provider-settings-saved'), 'provider-settings-notice-error', 30_000);
  await page.getByTestId('provider-peer-id').waitFor({ timeout: 60_000 });
  assert.equal(await banner.count(), 0, 'the banner is gone once it runs');
  assert.equal(await text('provider-state'), 'RUNNING');
  await shot('provider-configured-again');
});

test('no page error and no request outside the console origin', () => {
  assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
  assert.deepEqual(foreignRequests, [], 'requests to other origins');
});
