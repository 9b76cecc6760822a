#!/usr/bin/env bash
# Fuzz every target in turn for SECONDS each (default 300), niced, one at a time, then
# minimise each corpus. Needs a nightly toolchain and cargo-fuzz:
#   rustup toolchain install nightly && cargo install cargo-fuzz
# Usage: fuzz/run-all.sh [SECONDS] [TARGET...]
# Each target's libFuzzer log goes to fuzz/logs/TARGET.log, every line prefixed with the
# seconds since the target started; a crashing input to fuzz/artifacts/TARGET/ (keep it
# under fuzz/regressions/TARGET/ once fixed). Per target it prints the last coverage
# line and when new coverage last came.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-300}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo +nightly fuzz list)
fi
mkdir -p logs
stamp() {
  local start=$SECONDS line
  while IFS= read -r line; do printf '%d %s\n' $((SECONDS - start)) "$line"; done
}
for t in "${targets[@]}"; do
  echo "== $t: ${seconds}s"
  nice -n 19 cargo +nightly fuzz build -O "$t" 2>/dev/null
  status=0
  nice -n 19 cargo +nightly fuzz run -O "$t" "corpus/$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    2>&1 | stamp >"logs/$t.log" || status=$?
  [ "$status" -eq 0 ] || echo "   $t stopped early: see logs/$t.log"
  grep -E ' #[0-9]+ +(NEW|REDUCE|pulse|DONE)' "logs/$t.log" | tail -1 || true
  last_new=$(grep -E ' #[0-9]+ +NEW ' "logs/$t.log" | tail -1 | cut -d' ' -f1)
  echo "   new coverage last came at ${last_new:-?}s"
  grep -E 'stat::number_of_executed_units' "logs/$t.log" || true
  nice -n 19 cargo +nightly fuzz cmin -O "$t" "corpus/$t" >/dev/null 2>&1 || echo "   cmin of $t failed"
  echo "   corpus: $(ls "corpus/$t" | wc -l) files"
done
