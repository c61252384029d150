// js-libp2p interop peer for Hamster's Java libp2p stack (see ../README.md).
//
//   node --import ./polyfill.mjs peer.mjs <mode> [args]
//
// Modes:
//   listen                         TCP on 127.0.0.1, noise, yamux, ping, identify, echo; runs until stdin closes
//   dial <multiaddr> [--ping] [--ping-count N] [--identify] [--echo N] [--parallel K]
//                                  dial, run the asked-for checks, exit 0 only if all passed
//   relay                          circuit relay v2 hop server (+ ping, identify, echo); runs until stdin closes
//   listen-via-relay <relay-ma>    reserve a slot on the relay, serve echo over relayed connections
//
// Common options: --seed <64 hex>   deterministic Ed25519 identity (32-byte seed)
//                 --port N          TCP port for the listening modes (default 0 = any free port)
//                 --host A          listen IP (default 127.0.0.1; keep it on loopback)
//                 --until-signal    ignore stdin, run until SIGTERM/SIGINT
//                 --no-monitor      disable js-libp2p's connection monitor (10 s /ipfs/ping/1.0.0 heartbeat)
//                 --timeout MS      overall deadline for dial (default 120000)
// relay:          --unlimited       no data/duration limit on relayed connections (default: 1 GiB, 1 h)
//                 --data-limit B / --duration-limit-ms MS
// listen-via-relay: --tcp           also listen on TCP
//
// Stdout is line-oriented and machine-readable, one event per line, first word is the key:
//   PEER <peerId>                AGENT <agentVersion>
//   LISTEN <multiaddr/p2p/ID>    (one per address; circuit addresses contain /p2p-circuit/)
//   READY                        all LISTEN lines have been printed, the node accepts connections
//   RESERVED <relayPeer>         (listen-via-relay: reservation made; the circuit LISTEN lines follow)
//   CONNECTED <peer> <remoteAddr> <inbound|outbound> <limits>      (limits = "unlimited" or JSON)
//             dial adds: <dial-time>ms <encrypter> <muxer>
//   DISCONNECTED <peer> <remoteAddr>
//   IDENTIFIED <peer> <json>     (listening modes: js ran identify against the remote)
//   RESERVATION <peer>           (relay: a client reserved a slot)
//   ECHO-SERVED <bytes> <sha256> <peer>     (an echo stream ended properly: remote FIN, all bytes echoed)
//   ECHO-FAILED <bytes> <peer> <message>     (an echo stream was reset or its connection went away)
//   PING-OK <rtt-ms>             IDENTIFY-OK <json>
//   ECHO-OK <bytes> <sha256> <ms> <MiB/s>
//   DONE                         STOPPED                           ERROR <message>
// Debug logs of js-libp2p go to stderr with DEBUG='libp2p:*' (or e.g. DEBUG='libp2p:yamux*,libp2p:noise*').

import { createHash, randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { circuitRelayServer, circuitRelayTransport } from '@libp2p/circuit-relay-v2'
import { generateKeyPair, generateKeyPairFromSeed } from '@libp2p/crypto/keys'
import { identify } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { tcp } from '@libp2p/tcp'
import { multiaddr } from '@multiformats/multiaddr'
import { createLibp2p } from 'libp2p'

export const ECHO_PROTOCOL = '/hamster/echo/1.0.0'
const PING_PROTOCOL = '/ipfs/ping/1.0.0'
const PING_LENGTH = 32
const CHUNK = 64 * 1024
const MiB = 1024 * 1024

function out (...words) {
  process.stdout.write(words.join(' ') + '\n')
}

function fail (err) {
  const msg = (err?.name != null && err?.message != null)
    ? (err.message === '' ? `${err.name}${err.code != null ? ' ' + err.code : ''}` : `${err.name}: ${err.message}`)
    : String(err)
  out('ERROR', msg.replace(/\s+/g, ' '))
  if (process.env.DEBUG != null && err?.stack != null) process.stderr.write(err.stack + '\n')
}

// ---------- argument parsing ----------

const FLAGS = new Set(['--ping', '--identify', '--until-signal', '--no-monitor', '--unlimited', '--tcp'])

function parseArgs (argv) {
  const positional = []
  const opts = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (!a.startsWith('--')) { positional.push(a); continue }
    if (FLAGS.has(a)) { opts[a.slice(2)] = true; continue }
    if (i + 1 >= argv.length) throw new Error(`option ${a} needs a value`)
    opts[a.slice(2)] = argv[++i]
  }
  return { positional, opts }
}

function intOpt (opts, name, dflt) {
  if (opts[name] == null) return dflt
  const v = Number(opts[name])
  if (!Number.isSafeInteger(v) || v < 0) throw new Error(`--${name} must be a non-negative integer`)
  return v
}

// ---------- node construction ----------

async function privateKey (opts) {
  if (opts.seed != null) {
    if (!/^[0-9a-fA-F]{64}$/.test(opts.seed)) throw new Error('--seed must be 64 hex characters (32 bytes)')
    return generateKeyPairFromSeed('Ed25519', Buffer.from(opts.seed, 'hex'))
  }
  return generateKeyPair('Ed25519')
}

async function makeNode (opts, { listen = [], relayServer = null, relayTransport = false, identifyOnOpen = true }) {
  const services = {
    identify: identify({ runOnConnectionOpen: identifyOnOpen }),
    ping: ping()
  }
  if (relayServer != null) services.relay = circuitRelayServer(relayServer)
  const transports = [tcp()]
  if (relayTransport) transports.push(circuitRelayTransport({ reservationCompletionTimeout: 20_000 }))
  return createLibp2p({
    start: false, // callers add their event listeners first, then start()
    privateKey: await privateKey(opts),
    addresses: { listen },
    transports,
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services,
    connectionMonitor: { enabled: opts['no-monitor'] !== true },
    connectionManager: {
      // tests open many connections from 127.0.0.1 in a short time; the defaults
      // (5 per second per host, 10 pending) would refuse some of them
      inboundConnectionThreshold: 10_000,
      maxIncomingPendingConnections: 1_000
    }
  })
}

function tcpListenAddr (opts) {
  const host = opts.host ?? '127.0.0.1'
  const port = intOpt(opts, 'port', 0)
  return host.includes(':') ? `/ip6/${host}/tcp/${port}` : `/ip4/${host}/tcp/${port}`
}

function limitsText (conn) {
  if (conn.limits == null) return 'unlimited'
  return JSON.stringify({ bytes: conn.limits.bytes?.toString(), seconds: conn.limits.seconds })
}

function identifyJson (r) {
  return JSON.stringify({
    peer: r.peerId?.toString(),
    agentVersion: r.agentVersion ?? null,
    protocolVersion: r.protocolVersion ?? null,
    protocols: [...(r.protocols ?? [])].sort(),
    listenAddrs: (r.listenAddrs ?? []).map(String),
    observedAddr: r.observedAddr?.toString() ?? null
  })
}

function toBytes (chunk) {
  return chunk instanceof Uint8Array ? chunk : chunk.subarray()
}

function logConnections (node) {
  node.addEventListener('connection:open', (evt) => {
    const c = evt.detail
    out('CONNECTED', c.remotePeer.toString(), c.remoteAddr.toString(), c.direction, limitsText(c))
  })
  node.addEventListener('connection:close', (evt) => {
    const c = evt.detail
    out('DISCONNECTED', c.remotePeer.toString(), c.remoteAddr.toString())
  })
}

// ---------- echo ----------

// Server side: echo every byte back until the remote closes its write side, then close ours.
async function echoHandler (stream, connection) {
  const hash = createHash('sha256')
  let total = 0
  // the async iterator also ends quietly when the whole connection goes away (e.g. a relay
  // cuts it at its data limit): only a remote half-close (yamux FIN) is a proper end
  let remoteFin = false
  stream.addEventListener('remoteCloseWrite', () => { remoteFin = true })
  try {
    for await (const chunk of stream) {
      const buf = toBytes(chunk)
      hash.update(buf)
      total += buf.byteLength
      if (!stream.send(buf)) await stream.onDrain()
    }
    if (!remoteFin) throw new Error(`stream ended without a FIN from the remote (status ${stream.status})`)
    await stream.close()
    out('ECHO-SERVED', total, hash.digest('hex'), connection.remotePeer.toString())
  } catch (err) {
    stream.abort(err)
    out('ECHO-FAILED', total, connection.remotePeer.toString(), String(err?.message ?? err).replace(/\s+/g, ' '))
  }
}

async function registerEcho (node) {
  await node.handle(ECHO_PROTOCOL, echoHandler, {
    runOnLimitedConnection: true,
    maxInboundStreams: 256,
    maxOutboundStreams: 256
  })
}

// Client side: send n random bytes, half-close, read everything back, compare byte-exactly.
async function echoOnce (conn, n, signal) {
  const data = randomBytes(n)
  const stream = await conn.newStream(ECHO_PROTOCOL, { runOnLimitedConnection: true, signal })
  const t0 = performance.now()
  const parts = []
  let got = 0
  // attach the reader before anything can arrive
  const reader = (async () => {
    for await (const chunk of stream) {
      const buf = toBytes(chunk)
      parts.push(Buffer.from(buf))
      got += buf.byteLength
      if (got > n) throw new Error(`echo returned more bytes than sent (${got} > ${n})`)
    }
  })()
  try {
    for (let off = 0; off < n; off += CHUNK) {
      if (!stream.send(data.subarray(off, Math.min(n, off + CHUNK)))) await stream.onDrain({ signal })
    }
    await stream.close({ signal }) // half-close: yamux FIN; our read side stays open
    await reader
  } catch (err) {
    stream.abort(err)
    await reader.catch(() => {})
    throw err
  }
  const ms = performance.now() - t0
  const back = Buffer.concat(parts, got)
  if (got !== n) throw new Error(`echo returned ${got} bytes, sent ${n}`)
  if (!back.equals(data)) {
    let i = 0
    while (i < n && back[i] === data[i]) i++
    throw new Error(`echo mismatch at byte ${i} of ${n}`)
  }
  const sha = createHash('sha256').update(data).digest('hex')
  const mibs = ms > 0 ? (n / MiB) / (ms / 1000) : Infinity
  return { n, sha, ms, mibs }
}

// ---------- ping ----------

// Ping over *this* connection. js' ping service takes a peer id or multiaddr and goes through the
// connection manager, which never reuses a limited (relayed) connection and would dial a second
// one. All pings go over one stream (as go-libp2p does; js' own ping sends one and closes), which
// also exercises the responder's loop. RTT in ms with sub-ms resolution.
async function pingOverConnection (conn, count, signal) {
  const stream = await conn.newStream(PING_PROTOCOL, { runOnLimitedConnection: true, signal })
  const rtts = []
  try {
    let pending = null
    let received = []
    let receivedBytes = 0
    const onMessage = (evt) => {
      const buf = toBytes(evt.data)
      received.push(Buffer.from(buf))
      receivedBytes += buf.byteLength
      if (receivedBytes >= PING_LENGTH) pending?.resolve()
    }
    const onEnd = (evt) => pending?.reject(evt?.error ?? new Error('ping stream closed by the remote before the pong'))
    stream.addEventListener('message', onMessage)
    stream.addEventListener('remoteCloseWrite', onEnd)
    stream.addEventListener('close', onEnd)
    signal.addEventListener('abort', () => pending?.reject(signal.reason), { once: true })
    for (let i = 0; i < count; i++) {
      const data = randomBytes(PING_LENGTH)
      pending = Promise.withResolvers()
      const t0 = performance.now()
      stream.send(data)
      await pending.promise
      const rtt = performance.now() - t0
      const pong = Buffer.concat(received, receivedBytes)
      if (receivedBytes !== PING_LENGTH || !pong.equals(data)) {
        throw new Error(`bad pong: ${receivedBytes} bytes, expected the 32 bytes sent`)
      }
      received = []
      receivedBytes = 0
      rtts.push(rtt)
    }
    stream.removeEventListener('remoteCloseWrite', onEnd)
    stream.removeEventListener('close', onEnd)
    await stream.close({ signal })
  } catch (err) {
    stream.abort(err)
    throw err
  }
  return rtts
}

// ---------- modes ----------

function waitForStop (node, opts) {
  const stop = async (why) => {
    try { await node.stop() } catch (err) { fail(err) }
    out('STOPPED', why)
    process.exit(0)
  }
  process.on('SIGTERM', () => { stop('SIGTERM') })
  process.on('SIGINT', () => { stop('SIGINT') })
  if (opts['until-signal'] !== true) {
    process.stdin.on('end', () => { stop('stdin-closed') })
    process.stdin.on('error', () => { stop('stdin-error') })
    process.stdin.resume()
  }
}

function printAddrs (node, filter = () => true) {
  for (const ma of node.getMultiaddrs()) {
    if (filter(ma)) out('LISTEN', ma.toString())
  }
}

function printIdentity (node) {
  out('PEER', node.peerId.toString())
  out('AGENT', node.services.identify?.host?.agentVersion ?? 'unknown')
}

function printIdentifyEvents (node) {
  node.addEventListener('peer:identify', (evt) => {
    out('IDENTIFIED', evt.detail.peerId.toString(), identifyJson(evt.detail))
  })
}

async function modeListen (opts) {
  const node = await makeNode(opts, { listen: [tcpListenAddr(opts)] })
  logConnections(node)
  printIdentifyEvents(node)
  await registerEcho(node)
  printIdentity(node)
  await node.start()
  printAddrs(node)
  out('READY')
  waitForStop(node, opts)
}

async function modeRelay (opts) {
  const reservations = { maxReservations: 128 }
  if (opts.unlimited === true) {
    reservations.applyDefaultLimit = false
  } else {
    // NB: js-libp2p treats defaultDurationLimit as milliseconds (it enforces it with
    // AbortSignal.timeout) but sends the same number in the Limit.duration field, which
    // the circuit v2 spec defines in seconds.
    reservations.defaultDataLimit = BigInt(opts['data-limit'] ?? (1 << 30))
    reservations.defaultDurationLimit = intOpt(opts, 'duration-limit-ms', 3_600_000)
  }
  const node = await makeNode(opts, {
    listen: [tcpListenAddr(opts)],
    relayServer: { reservations, maxInboundHopStreams: 256, maxOutboundHopStreams: 256 }
  })
  logConnections(node)
  printIdentifyEvents(node)
  // circuit-relay-v2 4.2.13 declares a 'relay:reservation' event but never dispatches it: poll
  const seen = new Set()
  setInterval(() => {
    for (const peer of node.services.relay.reservations.keys()) {
      if (!seen.has(peer.toString())) { seen.add(peer.toString()); out('RESERVATION', peer.toString()) }
    }
  }, 100).unref()
  await registerEcho(node)
  printIdentity(node)
  await node.start()
  printAddrs(node)
  out('READY')
  waitForStop(node, opts)
}

async function modeListenViaRelay (relayAddr, opts) {
  if (relayAddr == null) throw new Error('usage: listen-via-relay <relay multiaddr with /p2p/RELAY-ID>')
  const relayMa = multiaddr(relayAddr)
  if (!relayMa.toString().includes('/p2p/')) throw new Error('relay multiaddr must end in /p2p/<relay peer id>')
  const listen = [relayMa.encapsulate('/p2p-circuit').toString()]
  if (opts.tcp === true) listen.push(tcpListenAddr(opts))
  const node = await makeNode(opts, { listen, relayTransport: true })
  logConnections(node)
  printIdentifyEvents(node)
  await registerEcho(node)
  printIdentity(node)
  await node.start()
  // the circuit listener has made its reservation when start() returns; the address
  // manager may publish the circuit address a tick later, so wait for it briefly
  const deadline = Date.now() + 20_000
  while (!node.getMultiaddrs().some(ma => ma.toString().includes('/p2p-circuit')) && Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  if (!node.getMultiaddrs().some(ma => ma.toString().includes('/p2p-circuit'))) {
    throw new Error('no /p2p-circuit address after the reservation')
  }
  out('RESERVED', relayMa.getComponents().find(c => c.name === 'p2p')?.value)
  printAddrs(node)
  out('READY')
  waitForStop(node, opts)
}

async function modeDial (target, opts) {
  if (target == null) throw new Error('usage: dial <multiaddr> [--ping] [--identify] [--echo N]')
  const ma = multiaddr(target)
  const signal = AbortSignal.timeout(intOpt(opts, 'timeout', 120_000))
  const pings = opts['ping-count'] != null ? intOpt(opts, 'ping-count', 1) : (opts.ping === true ? 1 : 0)
  const echoBytes = opts.echo != null ? intOpt(opts, 'echo', 0) : null
  const parallel = Math.max(1, intOpt(opts, 'parallel', 1))
  const isCircuit = ma.toString().includes('/p2p-circuit')
  // identify runs only when asked (--identify), so that our explicit identify stream does
  // not race the automatic one (identify allows one inbound stream per connection)
  const node = await makeNode(opts, { listen: [], relayTransport: isCircuit, identifyOnOpen: false })
  let ok = false
  try {
    await node.start()
    out('PEER', node.peerId.toString())
    const t0 = performance.now()
    const conn = await node.dial(ma, { signal })
    out('CONNECTED', conn.remotePeer.toString(), conn.remoteAddr.toString(), conn.direction, limitsText(conn),
      `${(performance.now() - t0).toFixed(1)}ms`, conn.encryption ?? '-', conn.multiplexer ?? '-')
    if (pings > 0) {
      for (const rtt of await pingOverConnection(conn, pings, signal)) out('PING-OK', rtt.toFixed(3))
    }
    if (opts.identify === true) {
      const r = await node.services.identify.identify(conn, { signal, runOnLimitedConnection: true })
      out('IDENTIFY-OK', identifyJson(r))
    }
    if (echoBytes != null) {
      const results = await Promise.all(Array.from({ length: parallel }, () => echoOnce(conn, echoBytes, signal)))
      for (const r of results) out('ECHO-OK', r.n, r.sha, r.ms.toFixed(1), r.mibs.toFixed(2))
    }
    await conn.close({ signal })
    ok = true
    out('DONE')
  } catch (err) {
    fail(err)
  } finally {
    await node.stop().catch(() => {})
  }
  process.exit(ok ? 0 : 1)
}

async function main () {
  const [mode, ...rest] = process.argv.slice(2)
  const { positional, opts } = parseArgs(rest)
  switch (mode) {
    case 'listen': return modeListen(opts)
    case 'relay': return modeRelay(opts)
    case 'listen-via-relay': return modeListenViaRelay(positional[0], opts)
    case 'dial': return modeDial(positional[0], opts)
    default:
      throw new Error('usage: peer.mjs listen|dial <ma>|relay|listen-via-relay <relay-ma> [options] (see the header of peer.mjs)')
  }
}

if (typeof Promise.withResolvers !== 'function') {
  out('ERROR', 'Promise.withResolvers missing: run as node --import ./polyfill.mjs peer.mjs ...')
  process.exit(2)
}

main().catch((err) => {
  fail(err)
  process.exit(1)
})
