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
# Coverage (cov: edges, ft: features) when the corpus was loaded and at the end, the
# edges found in the last minute, the executions, and when the last new feature and the
# last new edge came.
report() {
  awk '$3 == "INITED" || $3 == "NEW" {
         for (i = 4; i < NF; i++) { if ($i == "cov:") c = $(i + 1); if ($i == "ft:") f = $(i + 1) }
         if ($3 == "INITED") { c0 = c; f0 = f }
         if ($3 == "NEW") { last_ft = $1; if (c != prev) last_cov = $1 }
         prev = c; at[$1] = c
       }
       { end = $1 }
       $2 == "stat::number_of_executed_units:" { runs = $3 }
       END { for (t in at) if (t + 0 <= end - 60 && t + 0 >= t60) { t60 = t + 0; c60 = at[t] }
             printf "   cov %s -> %s (+%d in the last minute), ft %s -> %s, %s executions; last new feature at %ss, last new edge at %ss\n",
                    c0, c, c - c60, f0, f, runs, last_ft, last_cov }' "$1"
}
for t in "${targets[@]}"; do
  echo "== $t: ${seconds}s"
  nice -n 19 cargo +nightly fuzz build -O "$t" 2>/dev/null
  status=0
  nice -n 19 cargo +nightly fuzz run -O "$t" "corpus/$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    2>&1 | stamp >"logs/$t.log" || status=$?
  [ "$status" -eq 0 ] || echo "   $t stopped early: see logs/$t.log"
  report "logs/$t.log"
  nice -n 19 cargo +nightly fuzz cmin -O "$t" "corpus/$t" >/dev/null 2>&1 || echo "   cmin of $t failed"
  echo "   corpus: $(ls "corpus/$t" | wc -l) files"
done
