#!/usr/bin/env bash
# The allocation budget check CI runs: every benchmark in bench/SkydFast.Benchmarks must allocate no more per op
# than bench/SkydFast.Benchmarks/allocation-budget.json allows (0 B for reads and the parser). Judges bytes, not
# times. Prints one summary line; exits 1 when a benchmark is over budget, has no budget, or fails to run.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --no-build --project bench/SkydFast.Benchmarks -- --check-budget "$@"
