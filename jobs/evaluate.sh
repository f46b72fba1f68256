#!/usr/bin/env bash
# Measures a model on a labelled CSV (text, expected_category[, language, source]): the ticket model, or with
# --model-kind return-reasons the return-reason model on return comments labelled with a reason:
#   jobs/evaluate.sh FILE [--model-kind tickets|return-reasons] [--model FILE] [--min-confidence P] [--json FILE]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if [[ $# -lt 1 || "$1" == -* ]]; then
  echo "usage: jobs/evaluate.sh FILE [--model-kind tickets|return-reasons] [--model FILE] [--min-confidence P] [--json FILE]" >&2
  exit 2
fi
labeled="$1"; shift
dl_run evaluate --labeled "$labeled" "$@"
