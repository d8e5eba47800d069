#!/usr/bin/env bash
# Runs the mat agent on a terril's laptop: bin/mat-agent.sh [settings.properties]
# (settings in the file and/or the environment, see mat-agent.example.properties). Builds it first when needed;
# Ctrl-C stops it, and anything it had taken is in its journal for the next start.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
if [ ! -s "$HERE/target/classpath.txt" ] || [ ! -f "$HERE/target/mat-agent-1.0.0-SNAPSHOT.jar" ]; then
  mvn -B -q -Dstyle.color=never -f "$ROOT/pom.xml" -pl timing-service/mat-agent -am install -DskipTests >&2
  mvn -B -q -Dstyle.color=never -f "$HERE/pom.xml" dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$HERE/target/classpath.txt" >&2
fi
# the journal and the settings hold the device's password and every read: for this user only
umask 077
exec java -cp "$HERE/target/mat-agent-1.0.0-SNAPSHOT.jar:$(cat "$HERE/target/classpath.txt")" \
  fr.pyramidesnoires.matagent.MatAgent "$@"
