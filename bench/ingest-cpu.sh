#!/usr/bin/env bash
# CPU per post of `POST /api/posts` (bench/README.md "CPU per post of an ingest"): starts the packaged service
# (bin/otklik, fresh embedded database) with the analysis queue paused (its NOTIFY trigger disabled, the poll
# an hour apart), seeds 10^4 posts (bench/seed.sql), warms the ingest path up with --warm appeals, then posts
# --rounds times N Kursk appeals (batches of 1,000, 2 clients: bench/BenchClient.java, as bench/run.sh) and prints,
# per round, the CPU (utime + stime from /proc) per post of the service and of every PostgreSQL process. Wall-clock
# rates swing with the neighbours on a shared machine; CPU per post is what compares two builds
# (OTKLIK_JAR=other/quarkus-run.jar runs another build).
#
#   bench/ingest-cpu.sh [--posts N] [--warm W] [--rounds R] [--shared DIR] [--out DIR] [--live] [--checkpoint]
#       N = 10000, W = 4000, R = 2, DIR = ../shared, target/ingest-cpu
#
# --live keeps the analysis queue running, as in bench/run.sh, where the drain of the posts already ingested runs
# beside the ingest: the CPU then counts both, split by thread (otklik-analysis, ...), and the rate is the ingest's
# with the drain beside it.
#
# --checkpoint runs a CHECKPOINT before each round, as bench/run.sh's ingest follows the seed's checkpoints: the
# round's first write to each index page then logs the whole page (full-page writes), as it does there.
#
# JFR=1 with JAVA_OPTS=-XX:StartFlightRecording=name=ingest,settings=profile also dumps the run to OUT/ingest.jfr.
set -euo pipefail
{
cd "$(dirname "$0")/.."
N=10000; WARM=4000; ROUNDS=2; SHARED=${OTKLIK_SHARED:-../shared}; OUT=target/ingest-cpu; LIVE=; CHECKPOINT=
while [ $# -gt 0 ]; do
    case "$1" in
        --posts) N=$2; shift ;;
        --warm) WARM=$2; shift ;;
        --rounds) ROUNDS=$2; shift ;;
        --shared) SHARED=$2; shift ;;
        --out) OUT=$2; shift ;;
        --live) LIVE=1 ;;
        --checkpoint) CHECKPOINT=1 ;;
        *) echo "usage: bench/ingest-cpu.sh [--posts N] [--warm W] [--rounds R] [--shared DIR] [--out DIR] [--live] [--checkpoint]" >&2; exit 2 ;;
    esac
    shift
done
. bench/cpu-lib.sh
prepare_run
APP_JAR=$(ls target/quarkus-app/app/*.jar | head -1)
KEY="otk_$(openssl rand -base64 33 | tr '+/' '-_')"
if [ -n "$LIVE" ]; then
    start_service OTKLIK_BOOTSTRAP_API_KEY="$KEY" OTKLIK_SECURITY_API_KEYS_DEFAULT_RATE_PER_MINUTE=100000000
else
    start_service OTKLIK_BOOTSTRAP_API_KEY="$KEY" OTKLIK_SECURITY_API_KEYS_DEFAULT_RATE_PER_MINUTE=100000000 \
        OTKLIK_ANALYSIS_POLL_INTERVAL=1h OTKLIK_ANALYSIS_WARM_UP_POSTS=0
    # the queue stays paused: ingested posts wait as 'pending', so only the ingest's own CPU is counted
    sql "alter table post disable trigger post_queued_notify"
fi
ingest() { java -Dfile.encoding=UTF-8 -cp "$APP_JAR" bench/BenchClient.java ingest --url "$URL" --key "$KEY" --csv "$DATASET" \
    --count "$1" --tag "$2" --out "$OUT" --batch 1000 --clients 2; }
ingest "$WARM" warm > "$OUT/warm.txt"
pm=$(head -1 "$DATA/pg/postmaster.pid")
HZ=$(getconf CLK_TCK)
: > "$OUT/summary.txt"
# per-statement figures over the measured rounds when the server preloads pg_stat_statements (as bench/drain-cpu.sh),
# the triggers' own queries (foreign keys, the queue's notify) included as nested statements
PSS=$(sql "select count(*) from pg_settings where name = 'shared_preload_libraries' and setting like '%pg_stat_statements%'")
if [ "$PSS" = 1 ]; then
    sql "alter system set pg_stat_statements.track = 'all'"; sql "select pg_reload_conf()" > /dev/null
    sql "create extension if not exists pg_stat_statements; select pg_stat_statements_reset()" > /dev/null
fi
# (OTKLIK_CRAWLER_DEDUP_LINK_EVERY=off: the step never runs, so a round counts the ingest's own part alone)
QUEUED=$(sql "select count(*) from pg_tables where tablename = 'post_unlinked'")
if [ "${OTKLIK_CRAWLER_DEDUP_LINK_EVERY:-}" = off ]; then QUEUED=0; fi
linked() { while [ "$(sql "select exists (select 1 from post_unlinked)")" = t ]; do sleep 0.2; done; }
for r in $(seq 1 "$ROUNDS"); do
    if [ "$QUEUED" = 1 ]; then linked; fi
    if [ -n "$CHECKPOINT" ]; then sql "checkpoint"; fi
    sleep 2
    threads > "$OUT/threads0"; S0=$(svc_cpu); P0=$(pg_cpu); W0=$(sql "select pg_current_wal_lsn()")
    result=$(ingest "$N" "run$r")
    # a build that links near-duplicates after the ingest (V77's queue): the round ends when the queue is empty, so
    # the step's CPU is counted with the ingest that caused it
    if [ "$QUEUED" = 1 ]; then
        t0=$(date +%s.%N); linked; result="$result link_lag_s=$(echo "$(date +%s.%N) - $t0" | bc)"
    fi
    S1=$(svc_cpu); P1=$(pg_cpu); threads > "$OUT/threads1"; wal=$(sql "select pg_wal_lsn_diff(pg_current_wal_lsn(), '$W0')")
    # the bytes of full-page images in the round's WAL, read from the WAL itself (pg_walinspect)
    fpi=$(sql "create extension if not exists pg_walinspect" > /dev/null
          sql "select coalesce(sum(fpi_size), 0) from pg_get_wal_stats('$W0', pg_current_wal_lsn())" 2>/dev/null \
              || echo nan)  # a long --live round's first WAL segment may be recycled before it is read
    awk -v r=$r -v n=$N -v s=$((S1 - S0)) -v p=$((P1 - P0)) -v hz=$HZ -v w="$wal" -v f=$fpi -v res="$result" 'BEGIN {
        c = res; sub(/.*client_cpu_s=/, "", c); fs = f == "nan" ? "unread" : sprintf("%.0f", f / n)
        printf "round %d, %d posts: service CPU %.3f ms/post, PostgreSQL CPU %.3f ms/post, total %.3f ms/post, WAL %.0f bytes/post (full-page images %s), clients CPU %.3f ms/post (%s)\n",
            r, n, s * 1000 / hz / n, p * 1000 / hz / n, (s + p) * 1000 / hz / n, w / n, fs, c * 1000 / n, res }' | tee -a "$OUT/summary.txt"
    thread_share "$OUT/threads0" "$OUT/threads1" "$N" | tee -a "$OUT/summary.txt"
done
# a build that keeps the link in the fingerprint row (V77's post_fingerprint.original_id) reads it as the API does
ORIGINAL=p.original_id
if [ "$(sql "select count(*) from information_schema.columns where table_name = 'post_fingerprint' and column_name = 'original_id'")" = 1 ]; then
    ORIGINAL="coalesce(f.original_id, p.original_id)"
fi
sql "select count(*) filter (where $ORIGINAL is not null) || ' of ' || count(*) || ' ingested posts linked to an original'
     from post p left join post_fingerprint f on f.post_id = p.id where p.external_id like 'run%'" | tee -a "$OUT/summary.txt"
# how the rows were written and read (a second row version of a copy, a re-root's scan of post), both builds alike
sql "select relname || ': ' || n_tup_ins || ' inserted, ' || n_tup_upd || ' updated (' || n_tup_hot_upd || ' HOT), '
            || n_tup_del || ' deleted, ' || seq_scan || ' seq scans (' || seq_tup_read || ' rows), '
            || coalesce(idx_scan, 0) || ' index scans, autovacuum ' || autovacuum_count || ', autoanalyze '
            || autoanalyze_count
     from pg_stat_user_tables where relname in ('post', 'post_fingerprint', 'post_unlinked') order by relname" \
    | tee -a "$OUT/summary.txt"
sql "select 'post with its TOAST and indexes: ' || pg_total_relation_size('post') / count(*) || ' bytes/post' from post" \
    | tee -a "$OUT/summary.txt"
if [ "$PSS" = 1 ]; then
    sql "select to_char(total_exec_time / ($N * $ROUNDS), 'FM990.000') || ' ms/post  ' || calls || ' calls  ' || rows
                || ' rows  ' || to_char(wal_bytes / ($N * $ROUNDS), 'FM99990') || ' WAL bytes/post  '
                || regexp_replace(left(query, 140), '\s+', ' ', 'g')
         from pg_stat_statements where query not like '%pg_stat_statements%' order by total_exec_time desc limit 25" > "$OUT/statements.txt"
fi
if [ -n "${JFR:-}" ]; then jcmd $SVC_PID JFR.dump name=ingest filename=$OUT/ingest.jfr > /dev/null; fi
exit
}
