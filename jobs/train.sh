#!/usr/bin/env bash
# Trains the classifier from labelled CSVs (bundled, real and the shop's own), calibrates it, writes a versioned model.
#   jobs/train.sh [--add FILE]... [--export DIR --labels-from COLUMN --label-map FILE] [--model FILE]  (see --help)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
dl_run train "$@"
