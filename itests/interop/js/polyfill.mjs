// Preloaded with `node --import ./polyfill.mjs`: js-libp2p 3 (yamux, ping, multistream-select, ...)
// calls Promise.withResolvers, which Node 20 does not have (it arrived in Node 22).
if (!Promise.withResolvers) {
  Promise.withResolvers = function () {
    let resolve, reject
    const promise = new Promise((a, b) => { resolve = a; reject = b })
    return { promise, resolve, reject }
  }
}
