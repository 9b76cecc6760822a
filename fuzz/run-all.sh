#!/usr/bin/env bash
# Fuzz every target in turn for SECONDS each (default 300), niced, one job at a time,
# then minimise each corpus. Needs a nightly toolchain and cargo-fuzz:
#   rustup toolchain install nightly && cargo install cargo-fuzz
# Usage: fuzz/run-all.sh [SECONDS] [TARGET...]
# Each target's libFuzzer log goes to fuzz/logs/TARGET.log; a crashing input to
# fuzz/artifacts/TARGET/ (keep it under fuzz/regressions/TARGET/ once fixed).
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-300}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo +nightly fuzz list)
fi
mkdir -p logs
for t in "${targets[@]}"; do
  echo "== $t: ${seconds}s"
  nice -n 19 cargo +nightly fuzz run -O "$t" "corpus/$t" -- \
    -jobs=1 -workers=1 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 >/dev/null 2>&1 || echo "   $t stopped early: see logs/$t.log"
  mv fuzz-0.log "logs/$t.log" 2>/dev/null || true
  grep -E '^(#[0-9]+.*(DONE|cov:))|stat::(number_of_executed_units|new_units_added)' "logs/$t.log" | tail -3 || true
  nice -n 19 cargo +nightly fuzz cmin -O "$t" "corpus/$t" >/dev/null 2>&1 || echo "   cmin of $t failed"
  echo "   corpus: $(ls "corpus/$t" | wc -l) files"
done
