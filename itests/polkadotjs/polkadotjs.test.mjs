// Unmodified @polkadot/api (npm) against a Hamster node: connect, decode the V14 metadata, read constants and
// storage, sign with an ed25519 keyring, submit transfers and market calls, decode every block and event.
//
//   WS=ws://127.0.0.1:9944 node polkadotjs.test.mjs
//
// One line per check: `STEP <name> ok` or `STEP <name> FAIL: <reason>`, then `RESULT <passed> passed, <failed>
// failed`. Exit code 0 only when every step passed. Each step also prints `  ...` detail lines. Expects the
// development chain (chain spec dev.json: //Alice..//Ferdie endowed with 10^18, existential deposit 10^9), fresh
// for the genesis-balance check, with no provider attached, so that the order created in `create-order` stays
// Pending. See README.md.
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import { compactFromU8a, hexToU8a, stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { base58Encode, cryptoWaitReady, ed25519PairFromSeed, randomAsU8a } from '@polkadot/util-crypto';

const WS = process.env.WS || 'ws://127.0.0.1:9944';
const TX_TIMEOUT_MS = Number(process.env.TX_TIMEOUT_MS || 60_000);
const TOTAL_TIMEOUT_MS = Number(process.env.TOTAL_TIMEOUT_MS || 600_000);

// from bundles/chain-runtime/src/main/resources/org/hamster/chain/runtime/internal/dev.json
const DEV = {
  chain: 'Hamster Development',
  ss58: 42,
  decimals: 12,
  token: 'HAM',
  blockHashCount: 2400n,
  minimumPeriod: 1n,
  existentialDeposit: 1_000_000_000n,
  endowment: 1_000_000_000_000_000_000n,
  hourMs: 3_600_000n,
};
// ed25519 //Alice (bundles/crypto KeyDerivationTest, Ss58Test)
const ALICE_ADDRESS = '5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu';
const ALICE_PUBLIC = '0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee';
const HAM = 1_000_000_000_000n;
const PRICE = 5n * HAM + 7n; // per hour; the odd planck shows that u128 arguments are not rounded
// warnings during connect that mean the node is not understood (design 4.5, check 1)
const FATAL_WARNINGS =
  /MetadataApi not available|error with state_call|Unknown signed extensions|Unable to determine runtime/;

// ---------------------------------------------------------------------------------------------------------------
// console capture: @polkadot/util's logger writes warnings and errors through console.warn / console.error
const warnings = [];
for (const level of ['warn', 'error']) {
  console[level] = (...args) => {
    const text = args.map((a) => (a instanceof Error ? a.stack || a.message : typeof a === 'string' ? a : safeJson(a)))
      .join(' ');
    warnings.push(`${level}: ${text}`);
    console.log(`  [console.${level}] ${text}`); // stdout: in order with the STEP lines
  };
}

function safeJson(v) {
  try {
    return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x));
  } catch {
    return String(v);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// steps
const results = [];
const done = new Map();

function detail(...args) {
  console.log('  ', ...args);
}

function check(cond, message) {
  if (!cond) {
    throw new Error(message);
  }
}

function eq(actual, expected, what) {
  const a = typeof actual === 'bigint' ? actual.toString() : actual;
  const e = typeof expected === 'bigint' ? expected.toString() : expected;
  if (a !== e) {
    throw new Error(`${what}: expected ${e}, got ${a}`);
  }
}

/** Runs a check; `needs` names steps that must have passed (otherwise it fails as skipped). */
async function step(name, needs, fn) {
  const missing = needs.filter((n) => done.get(n) !== true);
  if (missing.length) {
    report(name, false, `skipped: needs ${missing.join(', ')}`);
    return;
  }
  const t0 = Date.now();
  try {
    await fn();
    report(name, true, null, Date.now() - t0);
  } catch (e) {
    report(name, false, (e?.message || String(e)).split('\n')[0]);
    if (e?.stack) {
      detail(e.stack.split('\n').slice(1, 6).join('\n   '));
    }
  }
}

function report(name, ok, reason, ms) {
  done.set(name, ok);
  results.push({ name, ok });
  console.log(ok ? `STEP ${name} ok${ms !== undefined ? ` (${ms} ms)` : ''}` : `STEP ${name} FAIL: ${reason}`);
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// raw JSON-RPC through the same WebSocket: the independent side of every byte comparison
let provider;
let api;

function raw(method, params = []) {
  return withTimeout(provider.send(method, params), 30_000, method);
}

async function rawStorage(key, at) {
  return raw('state_getStorage', at ? [key, at] : [key]);
}

// every status sequence seen by submit(): all of them must contain InBlock (step in-block-status)
const submitted = [];

/**
 * Signs and submits; resolves the first status, and the result once the transaction is in a block: at InBlock,
 * or at Finalized should polkadot.js never show InBlock (that is checked separately, in-block-status). Rejects on
 * Invalid, Dropped or Usurped.
 */
function submit(tx, signer, options = {}) {
  let firstResolve;
  const first = new Promise((r) => {
    firstResolve = r;
  });
  const statuses = [];
  submitted.push(statuses);
  const inBlock = new Promise((resolve, reject) => {
    let unsub = null;
    let finished = false;
    const finish = (fn, v) => {
      if (!finished) {
        finished = true;
        clearTimeout(timer);
        if (unsub) {
          unsub();
        }
        fn(v);
      }
    };
    const timer = setTimeout(() => finish(reject, new Error(`not in a block after ${TX_TIMEOUT_MS} ms (statuses `
      + `${statuses.join(', ')})`)), TX_TIMEOUT_MS);
    tx.signAndSend(signer, options, (result) => {
      const s = result.status;
      statuses.push(s.type);
      firstResolve(s.type);
      if (s.isInBlock || s.isFinalized) {
        finish(resolve, result);
      } else if (s.isInvalid || s.isDropped || s.isUsurped) {
        finish(reject, new Error(`transaction ${s.type}`));
      }
    }).then((u) => {
      unsub = u;
      if (finished) {
        u();
      }
    }, (e) => {
      firstResolve('error');
      finish(reject, e);
    });
  });
  inBlock.catch(() => {}); // awaited by the caller; no unhandled-rejection noise when a step gives up early
  return { first, inBlock, statuses };
}

/** An optional storage value (Option) unwrapped, null for None; a default-valued one as it is. */
function unwrapMaybe(v) {
  return v.isSome === undefined ? v : v.isSome ? v.unwrap() : null;
}

function noDispatchError(result) {
  const e = result.dispatchError;
  if (e !== undefined) {
    const named = e.isModule ? api.registry.findMetaError(e.asModule) : null;
    throw new Error(`dispatchError ${e.toString()}${named ? ` = ${named.section}.${named.name}` : ''}`);
  }
}

/** The block a result is in: InBlock's hash, or Finalized's. */
function blockOf(result) {
  return result.status.isInBlock ? result.status.asInBlock : result.status.asFinalized;
}

function findEvent(events, section, method) {
  return events.map((r) => r.event).find((e) => e.section === section && e.method === method);
}

function eventList(events) {
  return events.map((r) => `${r.event.section}.${r.event.method}`).join(', ');
}

function requireEvent(events, section, method) {
  const e = findEvent(events, section, method);
  check(e, `no ${section}.${method} among [${eventList(events)}]`);
  return e;
}

/** The field `name` of an event or struct (polkadot.js camelCases snake_case metadata names). */
function field(obj, name, what) {
  const names = obj.data ? obj.data.names : obj.defKeys;
  if (obj.data) {
    const i = names ? names.indexOf(name) : -1;
    check(i >= 0, `${what}: no field ${name} (fields: ${names ? names.join(', ') : 'unnamed'})`);
    return obj.data[i];
  }
  check(obj.has && obj.has(name), `${what}: no field ${name} (fields: ${names ? names.join(', ') : '?'})`);
  return obj.get(name);
}

function big(codec) {
  return codec.toBigInt();
}

async function freeAt(hash, address) {
  const at = await api.at(hash);
  return (await at.query.system.account(address)).data.free.toBigInt();
}

async function parentOf(hash) {
  return (await api.rpc.chain.getHeader(hash)).parentHash.toHex();
}

/** The value of an Option storage query, checked byte-equal against the raw storage at `key`. */
async function sameAsRaw(value, key, what) {
  const rawValue = await rawStorage(key);
  check(rawValue, `${what}: no raw storage at ${key}`);
  const encoded = value.isSome !== undefined && value.unwrap ? value.unwrap().toHex() : value.toHex();
  eq(encoded, rawValue, `${what} re-encoded vs state_getStorage`);
  return rawValue;
}

// a libp2p Ed25519 peer id: base58btc(identity multihash (0x00, 36) of protobuf PublicKey {Type: Ed25519, Data: pk})
function peerIdOf(publicKey) {
  return base58Encode(u8aConcat(new Uint8Array([0x00, 0x24, 0x08, 0x01, 0x12, 0x20]), publicKey));
}

// an OpenSSH public key line: "ssh-ed25519 " base64(string("ssh-ed25519") ‖ string(pk)) " comment"
function sshEd25519Line(publicKey, comment) {
  const str = (b) => {
    const len = new Uint8Array(4);
    new DataView(len.buffer).setUint32(0, b.length, false);
    return u8aConcat(len, b);
  };
  const blob = u8aConcat(str(stringToU8a('ssh-ed25519')), str(publicKey));
  return `ssh-ed25519 ${Buffer.from(blob).toString('base64')} ${comment}`;
}

// ---------------------------------------------------------------------------------------------------------------
async function main() {
  console.log(`polkadotjs.test.mjs: @polkadot/api against ${WS}`);
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'ed25519', ss58Format: DEV.ss58 });
  const [alice, bob, charlie, dave, eve, ferdie] = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve', '//Ferdie']
    .map((uri) => keyring.addFromUri(uri));
  const ctx = {};

  // 1. connect and what the node says about itself
  await step('connect', [], async () => {
    provider = new WsProvider(WS, 1000);
    api = await withTimeout(ApiPromise.create({ provider, throwOnConnect: true }), 60_000, 'ApiPromise.create');
    await api.isReady;
    const fatal = warnings.filter((w) => FATAL_WARNINGS.test(w));
    check(!fatal.length, `warnings while connecting: ${fatal.join(' | ')}`);
    detail(`runtime ${api.runtimeVersion.specName}/${api.runtimeVersion.specVersion}, `
      + `tx version ${api.runtimeVersion.transactionVersion}, extrinsic version ${api.extrinsicVersion}`);
  });

  await step('metadata-v14', ['connect'], async () => {
    eq(api.runtimeMetadata.version, 14, 'runtimeMetadata.version');
    const v14 = api.runtimeMetadata.asV14;
    const pallets = v14.pallets.map((p) => `${p.name.toString()}=${p.index.toNumber()}`);
    detail(`pallets ${pallets.join(' ')}; ${v14.lookup.types.length} types; signed extensions `
      + v14.extrinsic.signedExtensions.map((s) => s.identifier.toString()).join(','));
    eq(pallets.join(' '), 'System=0 Timestamp=1 Balances=2 TransactionPayment=3 Sudo=4 Provider=5 ResourceOrder=6 '
      + 'Gateway=7', 'pallets and indices');
    eq(v14.extrinsic.version.toNumber(), 4, 'extrinsic version');
    eq(api.extrinsicVersion, 4, 'api.extrinsicVersion');
    check(api.tx.provider?.registerResource && api.tx.resourceOrder?.createOrder && api.tx.gateway,
      'market pallets missing from api.tx');
  });

  await step('chain-properties', ['connect'], async () => {
    const reg = api.registry;
    eq(reg.chainSS58, DEV.ss58, 'registry.chainSS58');
    eq(reg.chainDecimals[0], DEV.decimals, 'registry.chainDecimals[0]');
    eq(reg.chainTokens[0], DEV.token, 'registry.chainTokens[0]');
    const props = await raw('system_properties');
    detail(`system_properties ${JSON.stringify(props)}`);
  });

  await step('chain-name', ['connect'], async () => {
    eq((await api.rpc.system.chain()).toString(), DEV.chain, 'system.chain()');
    detail(`runtimeChain ${api.runtimeChain.toString()}`);
  });

  await step('head', ['connect'], async () => {
    const header = await api.rpc.chain.getHeader();
    const n = header.number.toNumber();
    check(n >= 0, 'no head');
    // polkadot.js hashes its own encoding of the header: equal to the node's hash only if the header round-trips
    eq(header.hash.toHex(), await raw('chain_getBlockHash', [n]), `hash of header #${n}`);
    detail(`head #${n} ${header.hash.toHex()}`);
  });

  await step('genesis', ['connect'], async () => {
    eq(api.genesisHash.toHex(), await raw('chain_getBlockHash', [0]), 'api.genesisHash vs chain_getBlockHash(0)');
  });

  await step('state-getMetadata', ['connect'], async () => {
    const versions = hexToU8a(await raw('state_call', ['Metadata_metadata_versions', '0x']));
    eq(u8aToHex(versions), '0x040e000000', 'Metadata_metadata_versions (Vec<u32> [14])');
    const atVersion = hexToU8a(await raw('state_call', ['Metadata_metadata_at_version', '0x0e000000']));
    eq(atVersion[0], 1, 'Metadata_metadata_at_version(14) is Some');
    const [offset, length] = compactFromU8a(atVersion.subarray(1));
    const inner = atVersion.subarray(1 + offset);
    eq(inner.length, length.toNumber(), 'OpaqueMetadata length prefix');
    const served = await raw('state_getMetadata');
    eq(served, u8aToHex(inner), 'state_getMetadata vs the bytes of Metadata_metadata_at_version(14)');
    eq(u8aToHex(hexToU8a(await raw('state_call', ['Metadata_metadata_at_version', '0x0f000000']))), '0x00',
      'Metadata_metadata_at_version(15) is None');
    // polkadot.js' decoded metadata encodes back to the very bytes: nothing was skipped or guessed
    eq(api.runtimeMetadata.toHex(), served, 'api.runtimeMetadata re-encoded');
    detail(`metadata ${inner.length} bytes`);
  });

  // 2. constants
  await step('consts', ['connect'], async () => {
    eq(api.consts.system.blockHashCount.toBigInt(), DEV.blockHashCount, 'consts.system.blockHashCount');
    eq(api.consts.system.ss58Prefix.toNumber(), DEV.ss58, 'consts.system.ss58Prefix');
    eq(api.consts.balances.existentialDeposit.toBigInt(), DEV.existentialDeposit, 'consts.balances.existentialDeposit');
    eq(api.consts.timestamp.minimumPeriod.toBigInt(), DEV.minimumPeriod, 'consts.timestamp.minimumPeriod');
    const counts = Object.keys(api.consts).map((s) => `${s}:${Object.keys(api.consts[s]).length}`);
    detail(`constants ${counts.join(' ')}`);
  });

  // 3. ed25519 keyring and System.Account
  await step('keyring-ed25519', [], async () => {
    eq(alice.type, 'ed25519', 'keypair type');
    eq(alice.address, ALICE_ADDRESS, '//Alice address');
    eq(u8aToHex(alice.publicKey), ALICE_PUBLIC, '//Alice public key');
  });

  // the runtime APIs polkadot.js decorates from the advertised versions (api.call.*, through state_call)
  await step('runtime-apis', ['connect', 'keyring-ed25519'], async () => {
    const apis = api.runtimeVersion.apis.map(([h, v]) => `${api._runtimeMap?.[h.toHex()] || h.toHex()}:${v}`);
    detail(`advertised ${apis.join(' ')}; decorated ${Object.keys(api.call).join(' ')}`);
    for (const section of ['core', 'metadata', 'accountNonceApi', 'transactionPaymentApi']) {
      check(api.call[section], `api.call.${section} not decorated`);
    }
    const version = await api.call.core.version();
    eq(version.specName.toString(), api.runtimeVersion.specName.toString(), 'core.version().specName');
    eq(version.specVersion.toNumber(), api.runtimeVersion.specVersion.toNumber(), 'core.version().specVersion');
    eq(version.transactionVersion.toNumber(), api.runtimeVersion.transactionVersion.toNumber(),
      'core.version().transactionVersion');
    eq((await api.call.metadata.metadataVersions()).map((v) => v.toNumber()).join(','), '14',
      'metadata.metadataVersions()');
    const atVersion = await api.call.metadata.metadataAtVersion(14);
    check(atVersion.isSome, 'metadata.metadataAtVersion(14) is None');
    eq(atVersion.unwrap().toHex(), await raw('state_getMetadata'), 'metadata.metadataAtVersion(14)');
    const nonce = await api.call.accountNonceApi.accountNonce(alice.address);
    eq(nonce.toNumber(), (await api.query.system.account(alice.address)).nonce.toNumber(),
      'accountNonceApi.accountNonce(alice) vs System.Account nonce');
  });

  await step('system-account', ['connect', 'keyring-ed25519'], async () => {
    const info = await api.query.system.account(alice.address);
    const rawValue = await rawStorage(api.query.system.account.key(alice.address));
    check(rawValue, 'no raw System.Account value for //Alice');
    eq(hexToU8a(rawValue).length, 80, 'raw AccountInfo length');
    eq(info.toHex(), rawValue, 'query.system.account(alice) re-encoded vs state_getStorage');
    const nonce = info.nonce.toNumber();
    const free = info.data.free.toBigInt();
    detail(`//Alice nonce ${nonce} free ${free} reserved ${info.data.reserved.toBigInt()}`);
    if (nonce === 0) {
      eq(free, DEV.endowment, '//Alice free balance on a fresh chain');
    } else {
      detail('(not a fresh chain: //Alice has sent transactions before)');
    }
    eq(info.data.frozen.toBigInt(), 0n, '//Alice frozen');
  });

  // what polkadot.js apps shows on an account page: the balance derive (reads locks and reserves too)
  await step('derive-balances', ['connect', 'keyring-ed25519'], async () => {
    const all = await api.derive.balances.all(alice.address);
    const info = await api.query.system.account(alice.address);
    eq(all.freeBalance.toBigInt(), info.data.free.toBigInt(), 'derive.balances.all freeBalance');
    eq(all.lockedBalance.toBigInt(), 0n, 'derive.balances.all lockedBalance (nothing locks on this chain)');
    eq(all.namedReserves.flat().length, 0, 'derive.balances.all named reserves');
  });

  // 4. fee estimate, then a transfer that lands
  await step('payment-info', ['connect', 'keyring-ed25519'], async () => {
    const tx = api.tx.balances.transferKeepAlive(bob.address, HAM);
    const info = await tx.paymentInfo(alice); // signs with the fake (Sr25519 variant) signature
    const fee = info.partialFee.toBigInt();
    check(fee > 0n, `partialFee ${fee}`);
    // the same call, really signed (same length), through the node's payment_queryInfo
    const signed = await api.tx.balances.transferKeepAlive(bob.address, HAM).signAsync(alice);
    const viaRpc = await raw('payment_queryInfo', [signed.toHex()]);
    eq(BigInt(viaRpc.partialFee), fee, 'payment_queryInfo partialFee vs paymentInfo');
    detail(`partialFee ${fee}, weight ${JSON.stringify(info.weight.toJSON())}, class ${info.class.toString()}; `
      + `payment_queryInfo ${JSON.stringify(viaRpc)}`);
    // the fee's parts (TransactionPaymentApi v4): base + length + weight fee = partialFee
    const u8a = signed.toU8a();
    const details = await api.call.transactionPaymentApi.queryFeeDetails(u8a, u8a.length);
    check(details.inclusionFee.isSome, 'queryFeeDetails: no inclusion fee');
    const inclusion = details.inclusionFee.unwrap();
    const [base, len, weight] = [inclusion.baseFee, inclusion.lenFee, inclusion.adjustedWeightFee].map(big);
    detail(`fee details base ${base} + length ${len} + weight ${weight}`);
    eq(base + len + weight, fee, 'queryFeeDetails base + length + weight vs partialFee');
    eq((await api.call.transactionPaymentApi.queryLengthToFee(u8a.length)).toBigInt(), len,
      `queryLengthToFee(${u8a.length}) vs lenFee`);
    eq((await api.call.transactionPaymentApi.queryWeightToFee(info.weight)).toBigInt(), weight,
      'queryWeightToFee(weight) vs adjustedWeightFee (no fee multiplier)');
    ctx.fee = fee;
  });

  await step('transfer', ['connect', 'keyring-ed25519'], async () => {
    const amount = HAM;
    const sent = submit(api.tx.balances.transferKeepAlive(bob.address, amount), alice);
    const result = await sent.inBlock;
    const block = blockOf(result).toHex();
    detail(`in block ${block} (statuses ${sent.statuses.join(', ')}); events ${eventList(result.events)}`);
    noDispatchError(result);
    requireEvent(result.events, 'system', 'ExtrinsicSuccess');
    const t = requireEvent(result.events, 'balances', 'Transfer');
    eq(field(t, 'from', 'Transfer').toString(), alice.address, 'Transfer.from');
    eq(field(t, 'to', 'Transfer').toString(), bob.address, 'Transfer.to');
    eq(big(field(t, 'amount', 'Transfer')), amount, 'Transfer.amount');
    const paid = requireEvent(result.events, 'transactionPayment', 'TransactionFeePaid');
    eq(field(paid, 'who', 'TransactionFeePaid').toString(), alice.address, 'TransactionFeePaid.who');
    const actualFee = big(field(paid, 'actualFee', 'TransactionFeePaid'));
    eq(big(field(paid, 'tip', 'TransactionFeePaid')), 0n, 'TransactionFeePaid.tip');
    if (ctx.fee !== undefined) {
      eq(actualFee, ctx.fee, 'fee paid vs paymentInfo partialFee (same length)');
    }
    // signed with polkadot.js' default mortal era (birth = its finalized head), nonce from System.Account
    const xt = (await api.rpc.chain.getBlock(block)).block.extrinsics[result.txIndex];
    check(xt?.era.isMortalEra, `the transfer's era is not mortal: ${xt?.era.toString()}`);
    const era = xt.era.asMortalEra;
    detail(`era ${JSON.stringify(xt.era.toJSON())} (period ${era.period}, phase ${era.phase})`);
    const parent = await parentOf(block);
    eq(await freeAt(block, bob.address) - await freeAt(parent, bob.address), amount, '//Bob free balance delta');
    eq(await freeAt(parent, alice.address) - await freeAt(block, alice.address), amount + actualFee,
      '//Alice free balance delta (amount + fee)');
    const nonceAt = async (h) => (await (await api.at(h)).query.system.account(alice.address)).nonce.toNumber();
    const nonces = [await nonceAt(parent), await nonceAt(block)];
    eq(nonces[1] - nonces[0], 1, '//Alice nonce delta');
  });

  await step('immortal-era', ['connect', 'keyring-ed25519'], async () => {
    // era 0: signed over the genesis hash as the block hash (CheckMortality with Era::Immortal)
    const sent = submit(api.tx.system.remarkWithEvent('hamster polkadot.js immortal'), ferdie, { era: 0 });
    const result = await sent.inBlock;
    const xt = (await api.rpc.chain.getBlock(blockOf(result))).block.extrinsics[result.txIndex];
    check(xt && xt.era.isImmortalEra, `the extrinsic's era is not immortal: ${xt?.era.toString()}`);
    noDispatchError(result);
    requireEvent(result.events, 'system', 'Remarked');
    requireEvent(result.events, 'system', 'ExtrinsicSuccess');
  });

  // 5. a call that fails in its block: //Eve sends more than she has. The node refuses a failing call up front
  // when it is next in line (trial run), so it goes in queued behind a good one: nonce n+1 first (Future), then n.
  await step('failing-transfer', ['connect', 'keyring-ed25519'], async () => {
    const n = (await api.query.system.account(eve.address)).nonce.toNumber();
    const tooMuch = 2n * DEV.endowment;
    const bad = submit(api.tx.balances.transferKeepAlive(ferdie.address, tooMuch), eve, { nonce: n + 1 });
    const firstStatus = await withTimeout(bad.first, 30_000, 'first status of the queued transfer');
    eq(firstStatus, 'Future', 'status of the transaction queued behind a nonce gap');
    const good = submit(api.tx.balances.transferKeepAlive(ferdie.address, HAM), eve, { nonce: n });
    const [ok, failed] = await Promise.all([good.inBlock, bad.inBlock]);
    check(ok.dispatchError === undefined, `the first transfer failed: ${ok.dispatchError?.toString()}`);
    detail(`failed one in ${blockOf(failed).toHex()}: events ${eventList(failed.events)}`);
    requireEvent(failed.events, 'system', 'ExtrinsicFailed');
    requireEvent(failed.events, 'transactionPayment', 'TransactionFeePaid');
    check(!findEvent(failed.events, 'balances', 'Transfer'), 'a Transfer event for the failed call');
    const err = failed.dispatchError;
    check(err, 'no dispatchError on the result');
    check(err.isModule, `dispatchError is ${err.type}, not Module`);
    const meta = api.registry.findMetaError(err.asModule);
    detail(`dispatchError ${JSON.stringify(err.toJSON())} = ${meta.section}.${meta.name}: ${meta.docs.join(' ')}`);
    eq(meta.section, 'balances', 'error section');
    check(api.errors.balances[meta.name], `${meta.name} is not an error of the Balances pallet`);
    eq(meta.name, 'InsufficientBalance', 'error name');
    check(api.errors.balances.InsufficientBalance.is(err.asModule), 'api.errors.balances.InsufficientBalance.is()');
  });

  // 6. the provider (//Charlie): pledge as a provider does before it takes orders, then list a machine
  await step('provider-pledge', ['connect', 'keyring-ed25519'], async () => {
    const amount = 2n * PRICE;
    const before = await api.query.resourceOrder.pledges(charlie.address);
    const result = await submit(api.tx.resourceOrder.pledge(amount), charlie).inBlock;
    detail(`events ${eventList(result.events)}`);
    noDispatchError(result);
    const e = requireEvent(result.events, 'resourceOrder', 'Pledged');
    eq(field(e, 'who', 'Pledged').toString(), charlie.address, 'Pledged.who');
    eq(big(field(e, 'amount', 'Pledged')), amount, 'Pledged.amount');
    const pledge = await api.query.resourceOrder.pledges(charlie.address);
    const p = unwrapMaybe(pledge);
    check(p, 'no pledge stored');
    const prevInfo = unwrapMaybe(before);
    const prev = prevInfo ? big(field(prevInfo, 'total', 'PledgeInfo')) : 0n;
    eq(big(field(p, 'total', 'PledgeInfo')), prev + amount, 'PledgeInfo.total');
    await sameAsRaw(pledge, api.query.resourceOrder.pledges.key(charlie.address), 'query.resourceOrder.pledges');
  });

  await step('register-resource', ['connect', 'keyring-ed25519'], async () => {
    const peerId = peerIdOf(ed25519PairFromSeed(randomAsU8a(32)).publicKey);
    check(peerId.startsWith('12D3KooW'), `peer id ${peerId}`);
    const tx = api.tx.provider.registerResource(peerId, 2, 4, 20, 'debian', 'x86_64', PRICE, 24, null, 'eu');
    const result = await submit(tx, charlie).inBlock;
    detail(`peer id ${peerId}; events ${eventList(result.events)}`);
    noDispatchError(result);
    const e = requireEvent(result.events, 'provider', 'ResourceRegistered');
    const id = big(field(e, 'resource', 'ResourceRegistered'));
    eq(field(e, 'owner', 'ResourceRegistered').toString(), charlie.address, 'ResourceRegistered.owner');
    eq(field(e, 'peerId', 'ResourceRegistered').toUtf8(), peerId, 'ResourceRegistered.peerId');
    eq(big(field(e, 'pricePerHour', 'ResourceRegistered')), PRICE, 'ResourceRegistered.pricePerHour');
    const res = await api.query.provider.resources(id);
    check(res.isSome, `query.provider.resources(${id}) is None`);
    const r = res.unwrap();
    detail(`resource ${id}: ${JSON.stringify(r.toHuman())}`);
    eq(big(field(r, 'id', 'Resource')), id, 'Resource.id');
    eq(field(r, 'owner', 'Resource').toString(), charlie.address, 'Resource.owner');
    eq(field(r, 'peerId', 'Resource').toUtf8(), peerId, 'Resource.peerId');
    eq(big(field(r, 'pricePerHour', 'Resource')), PRICE, 'Resource.pricePerHour');
    eq(big(field(r, 'rentableHours', 'Resource')), 24n, 'Resource.rentableHours');
    eq(big(field(r, 'endOfRent', 'Resource')) - big(field(r, 'registeredAt', 'Resource')), 24n * DEV.hourMs,
      'Resource.endOfRent - registeredAt');
    eq(big(field(e, 'endOfRent', 'ResourceRegistered')), big(field(r, 'endOfRent', 'Resource')),
      'ResourceRegistered.endOfRent');
    const config = field(r, 'config', 'Resource');
    eq(big(field(config, 'cpu', 'ResourceConfig')), 2n, 'ResourceConfig.cpu');
    eq(field(config, 'system', 'ResourceConfig').toUtf8(), 'debian', 'ResourceConfig.system');
    const gpu = field(config, 'gpu', 'ResourceConfig');
    check(gpu.isNone, `ResourceConfig.gpu ${gpu.toString()}`);
    eq(field(config, 'region', 'ResourceConfig').unwrap().toUtf8(), 'eu', 'ResourceConfig.region');
    eq(field(r, 'status', 'Resource').type.toLowerCase(), 'unused', 'Resource.status');
    await sameAsRaw(res, api.query.provider.resources.key(id), 'query.provider.resources');
    const mine = await api.query.provider.providerResources(charlie.address);
    check(mine.toArray().some((x) => x.toBigInt() === id), `providerResources(charlie) lacks ${id}: ${mine}`);
    await sameAsRaw(mine, api.query.provider.providerResources.key(charlie.address),
      'query.provider.providerResources');
    ctx.resource = id;
  });

  // 7. the tenant (//Dave) orders an hour of it
  await step('create-order', ['register-resource'], async () => {
    const sshKey = sshEd25519Line(ed25519PairFromSeed(randomAsU8a(32)).publicKey, 'dave@polkadotjs');
    const result = await submit(api.tx.resourceOrder.createOrder(ctx.resource, 1, sshKey), dave).inBlock;
    detail(`ssh key ${sshKey}; events ${eventList(result.events)}`);
    noDispatchError(result);
    const e = requireEvent(result.events, 'resourceOrder', 'OrderCreated');
    const orderId = big(field(e, 'order', 'OrderCreated'));
    eq(field(e, 'tenant', 'OrderCreated').toString(), dave.address, 'OrderCreated.tenant');
    eq(field(e, 'provider', 'OrderCreated').toString(), charlie.address, 'OrderCreated.provider');
    eq(big(field(e, 'resource', 'OrderCreated')), ctx.resource, 'OrderCreated.resource');
    eq(big(field(e, 'hours', 'OrderCreated')), 1n, 'OrderCreated.hours');
    eq(big(field(e, 'amount', 'OrderCreated')), PRICE, 'OrderCreated.amount');
    eq(field(e, 'sshPublicKey', 'OrderCreated').toUtf8(), sshKey, 'OrderCreated.sshPublicKey');
    const order = await api.query.resourceOrder.orders(orderId);
    check(order.isSome, `query.resourceOrder.orders(${orderId}) is None`);
    const o = order.unwrap();
    detail(`order ${orderId}: ${JSON.stringify(o.toHuman())}`);
    eq(field(o, 'tenant', 'Order').toString(), dave.address, 'Order.tenant');
    eq(field(o, 'provider', 'Order').toString(), charlie.address, 'Order.provider');
    eq(big(field(o, 'amount', 'Order')), PRICE, 'Order.amount');
    eq(field(o, 'sshPublicKey', 'Order').toUtf8(), sshKey, 'Order.sshPublicKey');
    eq(field(o, 'status', 'Order').type.toLowerCase(), 'pending', 'Order.status');
    check(field(o, 'agreement', 'Order').isNone, 'Order.agreement is not None');
    await sameAsRaw(order, api.query.resourceOrder.orders.key(orderId), 'query.resourceOrder.orders');
    const res = (await api.query.provider.resources(ctx.resource)).unwrap();
    eq(field(res, 'status', 'Resource').type.toLowerCase(), 'locked', 'Resource.status after the order');
  });

  // what dapps wait for: `status.isInBlock` (design 4.5, check 4)
  await step('in-block-status', ['transfer'], async () => {
    const missing = submitted.filter((st) => st.length && !st.includes('InBlock'));
    check(!missing.length, `${missing.length} of ${submitted.length} transactions never showed InBlock to `
      + `signAndSend's callback; statuses seen: ${missing.map((st) => st.join('>')).join(', ')}`);
  });

  // 8. every block and every event from genesis to the head
  const seen = { extrinsics: new Map(), events: new Map() };
  await step('blocks-extrinsics', ['connect'], async () => {
    const head = (await api.rpc.chain.getHeader()).number.toNumber();
    ctx.head = head;
    let count = 0;
    for (let n = 0; n <= head; n++) {
      const hash = await raw('chain_getBlockHash', [n]);
      const rawBlock = await raw('chain_getBlock', [hash]);
      const signed = await api.rpc.chain.getBlock(hash);
      eq(signed.block.header.hash.toHex(), hash, `block #${n} header hash`);
      const xts = signed.block.extrinsics;
      eq(xts.length, rawBlock.block.extrinsics.length, `block #${n} extrinsic count`);
      xts.forEach((xt, i) => {
        const { section, method } = xt.method;
        check(api.tx[section]?.[method], `block #${n} extrinsic ${i}: unknown ${section}.${method}`);
        eq(xt.toHex(), rawBlock.block.extrinsics[i], `block #${n} extrinsic ${i} (${section}.${method}) re-encoded`);
        xt.toHuman();
        if (xt.isSigned) {
          eq(xt.signature.toU8a().length, 64, `block #${n} extrinsic ${i}: ed25519 signature length`);
        }
        const k = `${section}.${method}`;
        seen.extrinsics.set(k, (seen.extrinsics.get(k) || 0) + 1);
        count++;
      });
    }
    detail(`blocks 0..${head}: ${count} extrinsics: ${[...seen.extrinsics].map(([k, v]) => `${k}×${v}`).join(' ')}`);
  });

  await step('blocks-events', ['connect'], async () => {
    const head = ctx.head ?? (await api.rpc.chain.getHeader()).number.toNumber();
    const key = api.query.system.events.key();
    let count = 0;
    for (let n = 0; n <= head; n++) {
      const hash = await raw('chain_getBlockHash', [n]);
      const rawEvents = await rawStorage(key, hash);
      const events = await (await api.at(hash)).query.system.events();
      const expectedCount = rawEvents ? compactFromU8a(hexToU8a(rawEvents))[1].toNumber() : 0;
      eq(events.length, expectedCount, `block #${n} event count`);
      events.forEach((r, i) => {
        const { section, method } = r.event;
        check(api.events[section]?.[method], `block #${n} event ${i}: unknown ${section}.${method}`);
        check(api.events[section][method].is(r.event), `block #${n} event ${i}: ${section}.${method} mismatch`);
        const human = r.toHuman();
        check(human.event && human.phase, `block #${n} event ${i}: toHuman ${JSON.stringify(human)}`);
        const k = `${section}.${method}`;
        seen.events.set(k, (seen.events.get(k) || 0) + 1);
        count++;
      });
      eq(events.toHex(), rawEvents ?? '0x00', `block #${n} System.Events re-encoded vs state_getStorage`);
    }
    detail(`blocks 0..${head}: ${count} events: ${[...seen.events].map(([k, v]) => `${k}×${v}`).join(' ')}`);
    // the events of the earlier steps that passed are among them
    const expected = {
      transfer: ['system.ExtrinsicSuccess', 'balances.Transfer', 'transactionPayment.TransactionFeePaid'],
      'immortal-era': ['system.Remarked'],
      'failing-transfer': ['system.ExtrinsicFailed'],
      'provider-pledge': ['resourceOrder.Pledged'],
      'register-resource': ['provider.ResourceRegistered'],
      'create-order': ['resourceOrder.OrderCreated'],
    };
    const missing = Object.entries(expected).filter(([s]) => done.get(s)).flatMap(([, e]) => e)
      .filter((k) => !seen.events.has(k));
    check(!missing.length, `events of the earlier steps not found: ${missing.join(', ')}`);
  });

  await step('no-warnings', ['connect'], async () => {
    check(!warnings.length, `${warnings.length} console warning(s)/error(s): ${warnings.join(' | ').slice(0, 2000)}`);
  });
}

const overall = setTimeout(() => {
  console.log(`STEP timeout FAIL: the suite did not finish within ${TOTAL_TIMEOUT_MS} ms`);
  process.exit(2);
}, TOTAL_TIMEOUT_MS);

process.on('unhandledRejection', (e) => {
  console.log(`  unhandled rejection: ${e?.stack || e}`);
});

let code = 1;
try {
  await main();
  const failed = results.filter((r) => !r.ok).length;
  console.log(`RESULT ${results.length - failed} passed, ${failed} failed`);
  code = failed === 0 && results.length > 0 ? 0 : 1;
} catch (e) {
  console.log(`STEP harness FAIL: ${e?.stack || e}`);
} finally {
  clearTimeout(overall);
  try {
    await withTimeout(api ? api.disconnect() : provider ? provider.disconnect() : Promise.resolve(), 5_000,
      'disconnect');
  } catch {
    // exiting anyway
  }
  process.exit(code);
}
