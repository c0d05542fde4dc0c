#!/usr/bin/env bash
# CPU per request of the incident feed (bench/README.md "CPU per request of the feed"): starts the packaged service
# (bin/otklik, fresh embedded database), seeds 10^4 then --posts (10^5) posts with one incident per ten
# (bench/seed.sql, as bench/run.sh's levels), drains --drain Kursk appeals through the analysis queue (so the heap
# holds what it holds at bench/run.sh's feed of that level: the models and what a drain leaves), warms the feed up
# with wrk (30 s as bench/run.sh does, and on until --warm-requests have been served: on a loaded machine 30 s are
# too few requests for the JIT to compile the path), then --rounds times: wrk (bench/feed.lua, 16 connections) for --seconds, and
# `pgbench -M prepared -f bench/feed-page.sql` (16 clients) for as long. Prints per round the service's CPU
# (utime + stime from /proc) per feed request, split by thread, PostgreSQL's per feed request and per pgbench
# transaction, and the service's collections during the wrk run (jstat: young and full, their time); at the end
# the live heap after a full GC (jcmd GC.class_histogram, top entries). CPU per request is what compares two builds
# on a shared machine (OTKLIK_JAR=other/quarkus-run.jar runs another build); wall-clock rates swing with neighbours.
#
#   bench/feed-cpu.sh [--posts N] [--drain D] [--warm-requests W] [--rounds R] [--seconds S] [--shared DIR] [--out DIR]
#       N = 100000, D = 5000, W = 20000, R = 2, S = 20, DIR = ../shared, target/feed-cpu
#
# JFR=1 with JAVA_OPTS=-XX:StartFlightRecording=name=feed,settings=profile dumps the rounds to OUT/feed.jfr.
set -euo pipefail
{
cd "$(dirname "$0")/.."
N=100000; D=5000; WARM=20000; ROUNDS=2; SECONDS_=20; SHARED=${OTKLIK_SHARED:-../shared}; OUT=target/feed-cpu
while [ $# -gt 0 ]; do
    case "$1" in
        --posts) N=$2; shift ;;
        --drain) D=$2; shift ;;
        --warm-requests) WARM=$2; shift ;;
        --rounds) ROUNDS=$2; shift ;;
        --seconds) SECONDS_=$2; shift ;;
        --shared) SHARED=$2; shift ;;
        --out) OUT=$2; shift ;;
        *) echo "usage: bench/feed-cpu.sh [--posts N] [--drain D] [--warm-requests W] [--rounds R] [--seconds S] [--shared DIR] [--out DIR]" >&2; exit 2 ;;
    esac
    shift
done
. bench/cpu-lib.sh
prepare_run
KEY="otk_$(openssl rand -base64 33 | tr '+/' '-_')"
start_service OTKLIK_BOOTSTRAP_API_KEY="$KEY" OTKLIK_SECURITY_API_KEYS_DEFAULT_RATE_PER_MINUTE=100000000
psql -q -v ON_ERROR_STOP=1 -v posts="$N" -f bench/seed.sql >> "$OUT/seed.txt" 2>&1
if [ "$D" -gt 0 ]; then
    T=$(date +%s)
    # posted as bench/run.sh's ingest before its next level's feed, then analysed until none is pending
    java -Dfile.encoding=UTF-8 -cp "$(ls target/quarkus-app/app/*.jar | head -1)" bench/BenchClient.java ingest \
        --url "$URL" --key "$KEY" --csv "$DATASET" --count "$D" --tag drain --out "$OUT" --batch 1000 --clients 2 \
        > "$OUT/ingest.txt"
    while [ "$(sql "select count(*) from post where analysis_state = 'pending'")" != 0 ]; do sleep 2; done
    echo "drain: $D appeals analysed in $(( $(date +%s) - T )) s before the feed" | tee "$OUT/drain.txt"
fi
echo "incidents: $(sql "select count(*) from incident")" | tee "$OUT/summary.txt"
pm=$(head -1 "$DATA/pg/postmaster.pid")
HZ=$(getconf CLK_TCK)
# the feed path compiled, as bench/run.sh measures it: 30 s, and on in 10 s runs until W requests were served
wrk -t2 -c16 -d30s --timeout 30s -s bench/feed.lua "$URL" -- "$KEY" > "$OUT/wrk-warm.txt" 2>&1
served=$(awk '/requests in/ { print $1 }' "$OUT/wrk-warm.txt")
while [ "$served" -lt "$WARM" ]; do
    wrk -t2 -c16 -d10s --timeout 30s -s bench/feed.lua "$URL" -- "$KEY" > "$OUT/wrk-warm.txt" 2>&1
    served=$((served + $(awk '/requests in/ { print $1 }' "$OUT/wrk-warm.txt")))
done
echo "warm-up: $served requests" | tee -a "$OUT/summary.txt"
# young and full collections and their seconds (jstat -gc: YGC YGCT FGC FGCT)
gc() { jstat -gc "$SVC_PID" | awk 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i } NR == 2 { print $c["YGC"], $c["YGCT"], $c["FGC"], $c["FGCT"], $c["OU"] }'; }
for r in $(seq 1 "$ROUNDS"); do
    sleep 2
    read -r Y0 YT0 F0 FT0 _ < <(gc)
    threads > "$OUT/threads0"; S0=$(svc_cpu); P0=$(pg_cpu)
    wrk -t2 -c16 -d"${SECONDS_}s" --timeout 30s --latency -s bench/feed.lua "$URL" -- "$KEY" > "$OUT/wrk-$r.txt" 2>&1
    S1=$(svc_cpu); P1=$(pg_cpu); threads > "$OUT/threads1"
    read -r Y1 YT1 F1 FT1 OU < <(gc)
    REQ=$(awk '/requests in/ { print $1 }' "$OUT/wrk-$r.txt")
    BAD=$(awk '/Non-2xx/ { n += $NF } END { print n + 0 }' "$OUT/wrk-$r.txt")
    sleep 2
    Q0=$(pg_cpu)
    pgbench -n -M prepared -c16 -j2 -T"$SECONDS_" -f bench/feed-page.sql > "$OUT/pgbench-$r.txt" 2>&1
    Q1=$(pg_cpu)
    TX=$(awk '/number of transactions actually processed/ { print $NF }' "$OUT/pgbench-$r.txt" | cut -d/ -f1)
    awk -v r=$r -v req="$REQ" -v bad="$BAD" -v tx="$TX" -v s=$((S1 - S0)) -v p=$((P1 - P0)) -v q=$((Q1 - Q0)) \
        -v hz=$HZ -v t="$SECONDS_" -v yg=$((Y1 - Y0)) -v ygt="$(echo "$YT1 - $YT0" | bc)" -v fg=$((F1 - F0)) \
        -v fgt="$(echo "$FT1 - $FT0" | bc)" -v ou="$OU" 'BEGIN {
        printf "round %d: wrk %d requests (%.1f/s, %d non-2xx): service CPU %.3f ms/req, PostgreSQL CPU %.3f ms/req, total %.3f ms/req\n",
            r, req, req / t, bad, s * 1000 / hz / req, p * 1000 / hz / req, (s + p) * 1000 / hz / req
        printf "round %d: pgbench %d transactions (%.1f/s): PostgreSQL CPU %.3f ms/tx\n", r, tx, tx / t, q * 1000 / hz / tx
        printf "round %d: GC during wrk: %d young (%.3f s), %d full (%.3f s); %.3f ms of pause per request; old gen after %.1f MB\n",
            r, yg, ygt, fg, fgt, (ygt + fgt) * 1000 / req, ou / 1024 }' | tee -a "$OUT/summary.txt"
    thread_share "$OUT/threads0" "$OUT/threads1" "$REQ" | sed 's|ms/post|ms/req |' | tee -a "$OUT/summary.txt"
done
if [ -n "${JFR:-}" ]; then jcmd "$SVC_PID" JFR.dump name=feed filename="$OUT/feed.jfr" > /dev/null; fi
# the live heap: the histogram forces a full collection first
jcmd "$SVC_PID" GC.class_histogram > "$OUT/histogram.txt"
awk '/^Total/ { printf "live heap after a full GC: %.1f MB in %d objects\n", $3 / 1048576, $2 }' "$OUT/histogram.txt" | tee -a "$OUT/summary.txt"
sed -n '3,22p' "$OUT/histogram.txt" | awk '{ printf "  %7.1f MB  %9d  %s\n", $3 / 1048576, $2, $4 }' | tee -a "$OUT/summary.txt"
awk '/^VmRSS|^VmHWM/ { printf "%s %d MB  ", $1, $2 / 1024 } END { print "" }' /proc/$SVC_PID/status | sed 's/^/service /' | tee -a "$OUT/summary.txt"
exit
}
