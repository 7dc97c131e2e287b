#!/usr/bin/env bash
# The learned step order, proven on generated data (README "Step order", bench/RESULTS.md):
# trains the core's learner on 10k, 50k and 200k tickets of generated history, then plays held-out
# customers from the same ground truth under the article's, the learned and the oracle order, and
# prints minutes and steps per case with 95% intervals, the regret against the oracle, the
# off-policy estimate from a live exploration log next to the true gain, and the fallback of a
# 20-case model to its parent segment. In memory through the core: no database, no app.
#
# Settings (environment, defaults in brackets):
#   STEP_ORDER_SIZES [10000,50000,200000]  tickets of history, nested
#   STEP_ORDER_HELD_OUT [50000]            held-out customers
#   STEP_ORDER_LIVE [50000]                cases in the live exploration log
#   STEP_ORDER_EXPLORE [0.1]               exploration share of history and live log
#   STEP_ORDER_LEAVE [0.02]                chance a customer leaves before each step (history)
#   STEP_ORDER_TRUTH []                    ground-truth CSV (default: the core's default-truth.csv)
#   STEP_ORDER_SEED [1]
#   STEP_ORDER_HEAP [1g]
#   STEP_ORDER_COVERAGE_RUNS [20]          fresh live logs to count how often the off-policy
#                                          interval covers the true gain
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
: "${STEP_ORDER_SIZES:=10000,50000,200000}"
: "${STEP_ORDER_HELD_OUT:=50000}"
: "${STEP_ORDER_LIVE:=50000}"
: "${STEP_ORDER_EXPLORE:=0.1}"
: "${STEP_ORDER_LEAVE:=0.02}"
: "${STEP_ORDER_TRUTH:=}"
: "${STEP_ORDER_SEED:=1}"
: "${STEP_ORDER_HEAP:=1g}"
: "${STEP_ORDER_COVERAGE_RUNS:=20}"

# Compile only (never install): the core and the generator module that holds the benchmark's main.
./mvnw -B -q -o -pl operator-tools/data-generator -am compile -DskipTests -Dspotless.check.skip=true >&2

CP="$ROOT/diagnostics-core/target/classes:$ROOT/operator-tools/data-generator/target/classes"
exec java -Xmx"$STEP_ORDER_HEAP" -cp "$CP" io.backupdesk.tools.generator.StepOrderBench \
  "sizes=$STEP_ORDER_SIZES" "heldOut=$STEP_ORDER_HELD_OUT" "live=$STEP_ORDER_LIVE" \
  "explore=$STEP_ORDER_EXPLORE" "leave=$STEP_ORDER_LEAVE" "truth=$STEP_ORDER_TRUTH" \
  "seed=$STEP_ORDER_SEED" "coverageRuns=$STEP_ORDER_COVERAGE_RUNS"
