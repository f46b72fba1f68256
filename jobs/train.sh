#!/usr/bin/env bash
# Trains the classifier from labelled CSVs, prints 10-fold cross-validation, writes a versioned model.
#   jobs/train.sh [--data DIR] [--model FILE] [--folds K]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
dl_run train "$@"
