#!/usr/bin/env bash
# The nightly run: analyse the day's export, write reports/YYYY-MM-DD/, move `latest` after a successful run,
# prune old report folders. Configured by a small env file (see nightly.env.example):
#   jobs/nightly.sh [CONFIG_FILE] [YYYY-MM-DD]        (defaults: jobs/nightly.env, today in the shop's zone)
# Exit codes: 0 success; 1 any other failure; 2 bad input or configuration; 3 finished, but an input had too many
# rejected rows (reports written, `latest` not moved); 4 another nightly run holds the lock.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

config=${1:-"$DL_HOME/jobs/nightly.env"}
if [[ ! -r "$config" ]]; then
  echo "defence-line nightly: configuration file $config not found; copy jobs/nightly.env.example" >&2
  exit 2
fi
# shellcheck disable=SC1090
source "$config"
: "${EXPORT_DIR:?EXPORT_DIR must be set in $config}" "${REPORTS_DIR:?REPORTS_DIR must be set in $config}"
TIMEZONE=${TIMEZONE:-Europe/Amsterdam}
LANGUAGE=${LANGUAGE:-nl}
KEEP_DAYS=${KEEP_DAYS:-30}
LOG_FILE=${LOG_FILE:-"$REPORTS_DIR/nightly.log"}
LOCK_FILE=${LOCK_FILE:-"$REPORTS_DIR/.nightly.lock"}
RUN_ARGS=${RUN_ARGS:-}
day=${2:-$(TZ="$TIMEZONE" date +%F)}
if [[ ! "$day" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]]; then
  echo "defence-line nightly: day '$day' is not YYYY-MM-DD" >&2
  exit 2
fi
input=${EXPORT_DIR//\{date\}/$day}
mkdir -p "$REPORTS_DIR" "$(dirname "$LOG_FILE")" || exit 2

log() { printf '%s %s\n' "$(date -u +%FT%TZ)" "$*" >> "$LOG_FILE"; }

exec 9> "$LOCK_FILE"
if ! flock -n 9; then
  log "nightly $day: another run holds $LOCK_FILE; not starting"
  echo "defence-line nightly: another run holds $LOCK_FILE" >&2
  exit 4
fi

log "nightly $day: start, input $input, output $REPORTS_DIR/$day"
started=$(date +%s)
# Stage lines ("read export  2.1 s", row counts) go to the log as plain lines, never a progress bar.
( dl_run run --input "$input" --output "$REPORTS_DIR/$day" --timezone "$TIMEZONE" --language "$LANGUAGE" $RUN_ARGS ) 2>&1 \
  | while IFS= read -r line; do log "  $line"; done
code=${PIPESTATUS[0]}
log "nightly $day: exit $code after $(( $(date +%s) - started )) s"

if [[ $code -eq 0 ]]; then
  ln -sfn "$day" "$REPORTS_DIR/.latest.new" && mv -T "$REPORTS_DIR/.latest.new" "$REPORTS_DIR/latest"
  log "nightly $day: latest -> $day"
  cutoff=$(date -d "$day - $KEEP_DAYS days" +%F)
  current=$(readlink "$REPORTS_DIR/latest")
  # Staging folders of killed runs: safe to remove, the lock says no other run is writing.
  rm -rf -- "$REPORTS_DIR"/.????-??-??.incomplete-* 2>/dev/null
  for old in "$REPORTS_DIR"/????-??-??; do
    name=$(basename "$old")
    if [[ -d "$old" && "$name" < "$cutoff" && "$name" != "$current" ]]; then
      rm -rf -- "$old" && log "nightly $day: pruned $name (older than $KEEP_DAYS days)"
    fi
  done
fi
exit "$code"
