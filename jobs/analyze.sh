#!/usr/bin/env bash
# The analyst's command: analyse an export folder and write the reports.
#   jobs/analyze.sh INPUT_DIR OUTPUT_DIR [run options, e.g. --timezone Europe/Brussels]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if [[ $# -lt 2 || "$1" == -* || "$2" == -* ]]; then
  echo "usage: jobs/analyze.sh INPUT_DIR OUTPUT_DIR [--timezone ZONE] [--min-recurrence N] [--model FILE] [--master URL]" >&2
  exit 2
fi
input="$1"; output="$2"; shift 2
dl_run run --input "$input" --output "$output" "$@"
