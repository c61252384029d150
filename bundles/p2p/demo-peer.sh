#!/usr/bin/env bash
# Runs the p2p DemoPeer from a built bundles/p2p (tools/mvn-locked -B -q install -o -pl bundles/p2p first):
#   bundles/p2p/demo-peer.sh listen [--host 127.0.0.1] [--port 0] [--key FILE] [--stdin]
#                                   [--relay-service] [--via <relay multiaddr ending in /p2p/RELAY>]
#       prints "LISTEN /ip4/127.0.0.1/tcp/<port>/p2p/<peer id>", then serves ping, identify, /hamster/echo/1.0.0;
#       --relay-service also runs a circuit relay v2 hop service; --via reserves on a relay and prints a second
#       LISTEN line with the .../p2p/RELAY/p2p-circuit/p2p/<peer id> address (dial accepts such addresses)
#   bundles/p2p/demo-peer.sh dial <multiaddr> [--ping N] [--identify] [--echo BYTES] [--key FILE]
#       prints CONNECTED / PING-OK / IDENTIFY-OK / ECHO-OK lines, or FAIL <reason> with exit status 1
# The class path (with an SLF4J binding) is resolved offline once and cached in target/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
classpath="$here/target/demo-peer.classpath"
if [ ! -s "$classpath" ] || [ "$here/pom.xml" -nt "$classpath" ]; then
  (cd "$root" && tools/mvn-locked -B -q -o dependency:build-classpath -pl bundles/p2p \
    -Dmdep.outputFile="$classpath" -Dmdep.includeScope=test >&2)
fi
exec java -cp "$here/target/classes:$(cat "$classpath")" org.hamster.p2p.internal.tools.DemoPeer "$@"
