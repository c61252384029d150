#!/usr/bin/env bash
# Proves the js interop harness against itself (JS <-> JS), loopback only:
#   1. listen  +  dial --ping --identify --echo 10 MiB
#   2. relay  +  listen-via-relay  +  dial through the relay (/p2p-circuit) --ping --identify --echo 10 MiB
# Exits non-zero if any check fails. Runs `npm ci` first if node_modules is missing.
set -uo pipefail
cd "$(dirname "$0")"

ECHO_BYTES=${ECHO_BYTES:-10485760}
NODE=(node --import ./polyfill.mjs peer.mjs)
WORK=$(mktemp -d /tmp/hamster-interop-js.XXXXXX)
PIDS=()
PASSED=0
FAILED=0

cleanup() {
  # close the stdin pipes first (graceful stop), then make sure our own processes are gone
  for fd in 3 4 5; do eval "exec ${fd}>&-" 2>/dev/null || true; done
  sleep 0.3
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null
  if [[ "${KEEP_WORK:-}" == "" ]]; then rm -rf "$WORK"; else echo "logs kept in $WORK"; fi
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
say() { echo "selftest: $*"; }
check() { # check <description> <command...>
  local what=$1; shift
  if "$@"; then say "ok   - $what"; PASSED=$((PASSED + 1)); else say "FAIL - $what"; FAILED=$((FAILED + 1)); fi
}

# start_peer <name> <fd> <args...>: runs a long-lived peer with stdin on a fifo held open by fd,
# waits for READY (or ERROR) on its stdout
start_peer() {
  local name=$1 fd=$2; shift 2
  mkfifo "$WORK/$name.in"
  "${NODE[@]}" "$@" < "$WORK/$name.in" > "$WORK/$name.out" 2> "$WORK/$name.err" &
  PIDS+=($!)
  eval "exec ${fd}>\"$WORK/$name.in\""
  local t0; t0=$(now_ms)
  for _ in $(seq 300); do
    grep -qE '^(READY|ERROR)' "$WORK/$name.out" 2>/dev/null && break
    sleep 0.1
  done
  if ! grep -q '^READY' "$WORK/$name.out"; then
    say "$name did not become ready:"; cat "$WORK/$name.out" "$WORK/$name.err"; return 1
  fi
  say "$name ready in $(( $(now_ms) - t0 )) ms"
}

field() { grep "^$2 " "$WORK/$1.out" | head -1 | cut -d' ' -f"$3"; }

if [[ ! -d node_modules ]]; then
  t0=$(now_ms); npm ci --no-audit --no-fund --loglevel=error || exit 1
  say "npm ci took $(( $(now_ms) - t0 )) ms"
fi
say "node $(node --version), libp2p $(node -p 'require("./node_modules/libp2p/package.json").version')"

# ---------- 1. direct ----------
start_peer listener 3 listen || exit 1
LADDR=$(grep '^LISTEN /ip4/127.0.0.1/tcp/' "$WORK/listener.out" | head -1 | cut -d' ' -f2)
LPEER=$(field listener PEER 2)
say "dial $LADDR"
t0=$(now_ms)
"${NODE[@]}" dial "$LADDR" --ping-count 3 --identify --echo "$ECHO_BYTES" > "$WORK/dial1.out" 2> "$WORK/dial1.err"
rc=$?
say "direct dial took $(( $(now_ms) - t0 )) ms (process start to exit), rc=$rc"
sed 's/^/  dial1| /' "$WORK/dial1.out"
sleep 0.3
SHA1=$(field dial1 ECHO-OK 3)
check "direct: dial exited 0" test "$rc" -eq 0
check "direct: 3 x PING-OK" test "$(grep -c '^PING-OK ' "$WORK/dial1.out")" -eq 3
check "direct: identify lists the echo protocol and agent" \
  grep -qE '^IDENTIFY-OK .*"agentVersion":"js-libp2p/.*"/hamster/echo/1.0.0"' "$WORK/dial1.out"
check "direct: ECHO-OK $ECHO_BYTES bytes" test "$(field dial1 ECHO-OK 2)" = "$ECHO_BYTES"
check "direct: listener served the same bytes (sha256)" grep -q "^ECHO-SERVED $ECHO_BYTES $SHA1 " "$WORK/listener.out"
check "direct: listener identified the dialer" grep -q '^IDENTIFIED ' "$WORK/listener.out"
check "direct: no ERROR lines" bash -c "! grep -h '^ERROR\|^ECHO-FAILED' '$WORK/dial1.out' '$WORK/listener.out'"

# ---------- 2. through a relay ----------
start_peer relay 4 relay || exit 1
RADDR=$(grep '^LISTEN /ip4/127.0.0.1/tcp/' "$WORK/relay.out" | head -1 | cut -d' ' -f2)
start_peer relayed 5 listen-via-relay "$RADDR" || exit 1
CADDR=$(grep '^LISTEN .*/p2p-circuit/' "$WORK/relayed.out" | head -1 | cut -d' ' -f2)
RPEER=$(field relayed PEER 2)
say "dial $CADDR"
t0=$(now_ms)
"${NODE[@]}" dial "$CADDR" --ping-count 3 --identify --echo "$ECHO_BYTES" > "$WORK/dial2.out" 2> "$WORK/dial2.err"
rc=$?
say "relayed dial took $(( $(now_ms) - t0 )) ms (process start to exit), rc=$rc"
sed 's/^/  dial2| /' "$WORK/dial2.out"
sleep 0.3
SHA2=$(field dial2 ECHO-OK 3)
DPEER=$(field dial2 PEER 2)
check "relay: reservation made" grep -q "^RESERVATION $RPEER" "$WORK/relay.out"
check "relay: circuit address printed" test -n "$CADDR"
check "relay: dial exited 0" test "$rc" -eq 0
check "relay: connection is relayed and limited" grep -qE "^CONNECTED $RPEER \S+/p2p-circuit/\S+ outbound \{" "$WORK/dial2.out"
check "relay: 3 x PING-OK" test "$(grep -c '^PING-OK ' "$WORK/dial2.out")" -eq 3
check "relay: identify over the limited connection" grep -q '^IDENTIFY-OK .*"/hamster/echo/1.0.0"' "$WORK/dial2.out"
check "relay: ECHO-OK $ECHO_BYTES bytes" test "$(field dial2 ECHO-OK 2)" = "$ECHO_BYTES"
check "relay: relayed peer served the same bytes (sha256)" grep -q "^ECHO-SERVED $ECHO_BYTES $SHA2 $DPEER" "$WORK/relayed.out"
check "relay: exactly one relayed connection from the dialer" \
  test "$(grep -c "^CONNECTED $DPEER .*/p2p-circuit/" "$WORK/relayed.out")" -eq 1
check "relay: no ERROR lines" \
  bash -c "! grep -h '^ERROR\|^ECHO-FAILED' '$WORK/dial2.out' '$WORK/relay.out' '$WORK/relayed.out'"

# ---------- graceful stop on stdin close ----------
exec 3>&- 4>&- 5>&-
for _ in $(seq 50); do
  [[ $(cat "$WORK"/{listener,relay,relayed}.out | grep -c '^STOPPED stdin-closed') -eq 3 ]] && break
  sleep 0.1
done
check "all listeners stopped when stdin closed" \
  test "$(cat "$WORK"/{listener,relay,relayed}.out | grep -c '^STOPPED stdin-closed')" -eq 3

if [[ $FAILED -ne 0 ]]; then
  for f in listener relay relayed dial1 dial2; do echo "----- $f.out"; cat "$WORK/$f.out"; echo "----- $f.err"; tail -20 "$WORK/$f.err"; done
fi
echo "selftest: $PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]
