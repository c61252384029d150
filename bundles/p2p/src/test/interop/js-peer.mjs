// A js-libp2p counterpart of DemoPeer, for manual interop checks (not run by the build).
//   npm install libp2p@3.3.11 @libp2p/tcp @chainsafe/libp2p-noise@17 @chainsafe/libp2p-yamux@8 @libp2p/ping @libp2p/identify
//   node --import ./polyfill.mjs js-peer.mjs listen              -> LISTEN <multiaddr>; serves /hamster/echo/1.0.0
//   node --import ./polyfill.mjs js-peer.mjs dial <multiaddr> [bytes]  -> CONNECTED, PING-OK, IDENTIFY, ECHO-OK
// The echo payload follows EchoClient.patternAt, so both sides check every byte.
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { ping } from '@libp2p/ping'
import { identify } from '@libp2p/identify'
import { multiaddr } from '@multiformats/multiaddr'

const ECHO = '/hamster/echo/1.0.0'
const pattern = (i) => (i ^ Math.floor(i / 2048) ^ Math.floor(i / 8388608) ^ 0x5A) & 0xff
const bytesOf = (chunk) => (chunk.subarray ? chunk.subarray() : chunk)

const node = await createLibp2p({
  addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
  transports: [tcp()],
  connectionEncrypters: [noise()],
  streamMuxers: [yamux()],
  services: { ping: ping(), identify: identify() }
})
await node.handle(ECHO, async (stream) => {
  for await (const chunk of stream) {
    if (!stream.send(bytesOf(chunk))) await stream.onDrain()
  }
  await stream.close()
})

if (process.argv[2] === 'listen') {
  console.log('LISTEN ' + node.getMultiaddrs()[0].toString())
} else {
  const addr = multiaddr(process.argv[3])
  const conn = await node.dial(addr)
  console.log('CONNECTED ' + conn.remotePeer.toString())
  console.log('PING-OK rtt_ms=' + await node.services.ping.ping(addr))
  const peer = await node.peerStore.get(conn.remotePeer)
  const agent = new TextDecoder().decode(peer.metadata.get('AgentVersion'))
  console.log('IDENTIFY agent=' + agent + ' protocols=' + peer.protocols.join(','))
  const total = Number(process.argv[4] ?? 1000000)
  const stream = await node.dialProtocol(conn.remotePeer, ECHO)
  const started = Date.now()
  let received = 0
  const reader = (async () => {
    for await (const chunk of stream) {
      const b = bytesOf(chunk)
      for (let i = 0; i < b.length; i++) {
        if (b[i] !== pattern(received + i)) throw new Error('echo differs at byte ' + (received + i))
      }
      received += b.length
    }
  })()
  for (let off = 0; off < total; off += 65536) {
    const n = Math.min(65536, total - off)
    const b = new Uint8Array(n)
    for (let i = 0; i < n; i++) b[i] = pattern(off + i)
    if (!stream.send(b)) await stream.onDrain()
  }
  await stream.close()
  await reader
  if (received !== total) throw new Error('echo returned ' + received + ' of ' + total + ' bytes')
  console.log('ECHO-OK bytes=' + total + ' ms=' + (Date.now() - started))
  await node.stop()
  process.exit(0)
}
