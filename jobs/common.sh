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
# With the built jar, the JVM maps the classes it loads from a class-data-sharing archive (target/defence-line.jsa):
# Spark loads some 15,000 classes before it reads a row, and the archive saves parsing and verifying them on every
# run. The first run after a build writes the archive when it exits.
dl_run() {
  local classpath=${DL_CLASSPATH:-}
  local cds=()
  if [[ -z "$classpath" ]]; then
    dl_build_if_needed
    classpath="$DL_JAR:$DL_HOME/target/lib/*"
    local archive="$DL_HOME/target/defence-line.jsa"
    if [[ -f "$archive" && "$archive" -nt "$DL_JAR" ]]; then
      cds=(-XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
    else
      # Written under a name of its own and renamed, so runs at the same time never map a half-written archive.
      local partial="$archive.$$"
      local status=0
      java $(dl_jit_for_input "$@") ${DL_JAVA_OPTS:--Xmx4g} @"$DL_HOME/jobs/spark-java17.args" \
        -XX:ArchiveClassesAtExit="$partial" \
        -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$classpath" nl.defenceline.cli.Main "$@" || status=$?
      if [[ -s "$partial" ]]; then mv -f "$partial" "$archive"; else rm -f "$partial"; fi
      return "$status"
    fi
  fi
  exec java $(dl_jit_for_input "$@") ${DL_JAVA_OPTS:--Xmx4g} @"$DL_HOME/jobs/spark-java17.args" "${cds[@]}" \
    -cp "$classpath" nl.defenceline.cli.Main "$@"
}

# Below this many bytes of --input, a run is over in seconds (the sample export is 0.1 MB).
DL_SMALL_INPUT_BYTES=${DL_SMALL_INPUT_BYTES:-4194304}

# The JIT option for the local folder given as --input: a small export is done before the optimising compiler's
# work pays off (it took more CPU than the whole rest of a sample run), so only the quick compiler runs; a large
# export, or one not on the local disk, keeps both. An option in DL_JAVA_OPTS comes later and wins.
dl_jit_for_input() {
  local input=""
  while [[ $# -gt 1 ]]; do
    if [[ "$1" == "--input" ]]; then input="$2"; fi
    shift
  done
  if [[ -n "$input" && -d "$input" ]]; then
    local bytes
    bytes=$(du -sb "$input" 2>/dev/null | cut -f1)
    if [[ -n "$bytes" && "$bytes" -lt "$DL_SMALL_INPUT_BYTES" ]]; then
      echo "-XX:TieredStopAtLevel=1"
    fi
  fi
}
