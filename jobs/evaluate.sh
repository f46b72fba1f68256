#!/usr/bin/env bash
# Measures the classifier on a labelled CSV (text, expected_category[, language, source]):
#   jobs/evaluate.sh FILE [--model FILE] [--min-confidence P] [--json FILE]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if [[ $# -lt 1 || "$1" == -* ]]; then
  echo "usage: jobs/evaluate.sh FILE [--model FILE] [--min-confidence P] [--json FILE]" >&2
  exit 2
fi
labeled="$1"; shift
dl_run evaluate --labeled "$labeled" "$@"
