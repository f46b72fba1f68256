#!/usr/bin/env bash
# Writes a seeded synthetic export folder:  jobs/generate.sh --out DIR [--tickets N] [--returns M] [--stock-questions K]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
dl_run generate "$@"
