#!/usr/bin/env bash
# Shared by the launchers in jobs/: find the repo, build the application when its sources changed, run a command.
set -euo pipefail

DL_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DL_JAR="$DL_HOME/target/defence-line.jar"

# Builds target/defence-line.jar (and target/lib/) when missing or older than the sources, training data or pom.
dl_build_if_needed() {
  local stale=""
  if [[ ! -f "$DL_JAR" ]]; then
    stale="no build yet"
  elif [[ -n "$(find "$DL_HOME/src/main" "$DL_HOME/pom.xml" "$DL_HOME/sample-data/training" -newer "$DL_JAR" -print -quit)" ]]; then
    stale="sources changed"
  fi
  if [[ -n "$stale" ]]; then
    echo "defence-line: building ($stale), this takes a minute the first time..." >&2
    (cd "$DL_HOME" && ./mvnw -q -B -DskipTests package) >&2
  fi
}

# Runs the CLI with an embedded Spark: dl_run <command> [options...]
# DL_CLASSPATH, when set, is used as it is instead of building the jar (the tests of these scripts use it).
dl_run() {
  local classpath=${DL_CLASSPATH:-}
  if [[ -z "$classpath" ]]; then
    dl_build_if_needed
    classpath="$DL_JAR:$DL_HOME/target/lib/*"
  fi
  exec java ${DL_JAVA_OPTS:--Xmx4g} @"$DL_HOME/jobs/spark-java17.args" -cp "$classpath" nl.defenceline.cli.Main "$@"
}
