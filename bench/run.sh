#!/usr/bin/env bash
# The service benchmark (bench/README.md): starts the packaged service with bin/otklik on a fresh embedded
# database, seeds posts and incidents in SQL, and measures ingest, the analysis drain, ingest→incident latency
# and the incident feed, each next to its limit measured on the same server in the same run, while sampling the
# service's RSS every second. Prints a growth table (10^4 → 10^6 seeded posts) and the final table.
#
#   bench/run.sh [--quick] [--levels N,N,...] [--no-settle] [--ingest N] [--shared DIR] [--out DIR]
#
# --quick: 10^4 posts only, 1,000 ingested, short runs (a few minutes; for development). Without it: 10^4,
# 10^5 and 10^6 posts, 10,000 ingested per level (an hour or more while the drain is slow). --ingest N: N posts
# ingested per level instead (in batches of 1,000, so N > 1,000 lets the drain overlap the ingest). --levels: these
# seeded levels only. --no-settle: the feed and its limit without settling the server after the seed first (settle).
# Only loopback traffic; everything it starts is stopped on exit.
set -euo pipefail
# the whole script is one compound command, read before it runs: editing the file during a run cannot change it
{

cd "$(dirname "$0")/.."
ROOT=$PWD
QUICK=0
INGEST_ARG=
LEVELS_ARG=
SETTLE=1
SHARED=${OTKLIK_SHARED:-../shared}
OUT=target/bench
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) QUICK=1 ;;
        --ingest) INGEST_ARG=$2; shift ;;
        --shared) SHARED=$2; shift ;;
        --out) OUT=$2; shift ;;
        --levels) LEVELS_ARG=$2; shift ;;
        --no-settle) SETTLE=0 ;;
        *) echo "usage: bench/run.sh [--quick] [--levels N,N,...] [--no-settle] [--ingest N] [--shared DIR] [--out DIR]" >&2; exit 2 ;;
    esac
    shift
done

if [ "$QUICK" = 1 ]; then
    LEVELS=(10000); INGEST=1000; STEADY_SECONDS=20; LOAD_SECONDS=10; WARMUP_SECONDS=30; PGBENCH_SCALE=1; DRAIN_TIMEOUT=300; LATENCY_WAIT=60
else
    LEVELS=(10000 100000 1000000); INGEST=10000; STEADY_SECONDS=60; LOAD_SECONDS=20; WARMUP_SECONDS=30; PGBENCH_SCALE=10; DRAIN_TIMEOUT=3600; LATENCY_WAIT=600
fi
[ -n "$INGEST_ARG" ] && INGEST=$INGEST_ARG
[ -n "$LEVELS_ARG" ] && IFS=, read -r -a LEVELS <<< "$LEVELS_ARG"
STEADY_RATE=100
RSS_LIMIT_MB=512
DATASET=$SHARED/datasets/kursk-citizen-appeals/train_dataset_train.csv
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
DATA=$OUT/data
RESULTS=$OUT/results.txt
: > "$RESULTS"

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
# results.txt holds "key value" lines; the tables at the end are printed from it
put() { echo "$1 $2" >> "$RESULTS"; }
get() { awk -v k="$1" '$1 == k { $1 = ""; v = substr($0, 2) } END { print (v == "" ? "-" : v) }' "$RESULTS"; }
calc() { awk "BEGIN { printf \"%.${2:-1}f\", $1 }"; }
# a ratio of two rates, or "-" when one is missing or only a bound (awk's ">" in printf would redirect: parenthesised)
ratio() { if [[ "$1" =~ ^[0-9.]+$ && "$2" =~ ^[0-9.]+$ ]] && [ "$(calc "($2 > 0)" 0)" = 1 ]; then calc "$1 / $2" 3; else echo -; fi; }
now_ms() { date +%s%3N; }
# a latency from SQL: rounded ms, "never" for a post that did not get there, "-" for no posts at all
ms() { case "$1" in "") echo - ;; Infinity) echo never ;; *) echo "$(calc "$1" 0) ms" ;; esac; }

# --- prerequisites ------------------------------------------------------------------------------------------
need_packages=()
command -v wrk >/dev/null || need_packages+=(wrk)
{ command -v psql >/dev/null && command -v pgbench >/dev/null; } || need_packages+=(postgresql-client)
if [ ${#need_packages[@]} -gt 0 ]; then
    log "installing ${need_packages[*]}"
    apt-get update -q >/dev/null && apt-get install -y -q "${need_packages[@]}" >/dev/null
fi
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
    log "packaging the service"
    ./mvnw -B -q -DskipTests package
fi
# BenchClient reads the appeals with the service's CSV reader
APP_JAR=$(ls target/quarkus-app/app/*.jar | head -1)
HAVE_TEXTS=1
if [ ! -f "$DATASET" ]; then
    HAVE_TEXTS=0
    log "no $DATASET (set --shared DIR): ingest, drain, latency and analyze are skipped; seeding and the feed still run"
fi

free_port() {
    local p
    for _ in $(seq 1 50); do
        p=$((20000 + RANDOM % 30000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
    done
    echo "no free port found" >&2; exit 1
}

# --- the service ----------------------------------------------------------------------------------------------
HTTP_PORT=$(free_port)
PG_PORT=$(free_port)
KEY="otk_$(openssl rand -base64 33 | tr '+/' '-_')"
URL=http://127.0.0.1:$HTTP_PORT
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres PGPASSWORD=postgres PGDATABASE=postgres
SVC_PID=
SAMPLER_PID=

postmaster_pid() { head -1 "$DATA/pg/postmaster.pid" 2>/dev/null || true; }

cleanup() {
    set +e
    [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null
    if [ -n "$SVC_PID" ] && kill -0 "$SVC_PID" 2>/dev/null; then
        log "stopping the service"
        kill "$SVC_PID"
        for _ in $(seq 1 60); do kill -0 "$SVC_PID" 2>/dev/null || break; sleep 1; done
        kill -0 "$SVC_PID" 2>/dev/null && kill -9 "$SVC_PID"
    fi
    # the embedded server normally stops with the JVM; a JVM killed hard leaves it behind
    local pm; pm=$(postmaster_pid)
    if [ -n "$pm" ] && kill -0 "$pm" 2>/dev/null; then
        kill "$pm"
        for _ in $(seq 1 30); do kill -0 "$pm" 2>/dev/null || break; sleep 1; done
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "starting the service on $URL, embedded PostgreSQL on port $PG_PORT, data in $DATA"
echo start > "$OUT/phase"
OTKLIK_DATA_DIR=$DATA OTKLIK_EMBEDDED_DB_CLEAN_START=true OTKLIK_EMBEDDED_DB_PORT=$PG_PORT \
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$HTTP_PORT \
OTKLIK_CRAWLER_SCHEDULE_ENABLED=false OTKLIK_BOOTSTRAP_API_KEY=$KEY \
OTKLIK_ADMIN_USER=bench-admin OTKLIK_ADMIN_PASSWORD="$(openssl rand -hex 16)" \
OTKLIK_SECURITY_API_KEYS_DEFAULT_RATE_PER_MINUTE=100000000 \
JAVA_OPTS="-Xlog:gc:file=$OUT/gc.log ${JAVA_OPTS:-}" \
    bin/otklik > "$OUT/service.log" 2>&1 &
SVC_PID=$!

# RSS of the service (the figure) every second, and PSS of every PostgreSQL process (shared memory counted once)
# every tenth second outside the feed's phases, the last one repeated between. Only shell builtins: on a busy
# machine a process per reading stretched the interval to 7 s. PSS is what is costly: the kernel walks each
# process's page tables for it, ≈ 12 ms of system CPU a process, ≈ 0.37 s a reading of the server's 30 processes.
# Read every second (until 2026-12-05) it cut the feed's rate by 12–45 % and raised its p99 in five pairs of rounds
# out of five (docs/performance.md, 2026-12-05 perf-feed8); the service's RSS is a counter, cheap to read.
(
    # a process that ends between listing and reading it must not end the sampling
    set +e
    exec {tick}<> <(:)
    n=0 pg=0
    while [ -r "/proc/$SVC_PID/status" ]; do
        rss=0 pm= phase=
        while read -r k v _; do [ "$k" = VmRSS: ] && rss=$v; done 2>/dev/null < "/proc/$SVC_PID/status"
        read -r pm 2>/dev/null < "$DATA/pg/postmaster.pid"
        read -r phase < "$OUT/phase"
        if (( n++ % 10 == 0 )) && [[ "$phase" != feed-* ]] && [[ "$pm" =~ ^[0-9]+$ ]] && [ -r "/proc/$pm/task/$pm/children" ]; then
            kids=() pg=0
            read -r -a kids 2>/dev/null < "/proc/$pm/task/$pm/children"
            for p in "$pm" "${kids[@]}"; do
                while read -r k v _; do [ "$k" = Pss: ] && pg=$((pg + v)); done 2>/dev/null < "/proc/$p/smaps_rollup"
            done
        fi
        printf '%(%s)T %s %s %s\n' -1 "$phase" "$rss" "$pg"
        read -r -t 1 -u "$tick" _
    done
) > "$OUT/rss.log" &
SAMPLER_PID=$!

for i in $(seq 1 180); do
    curl -sf "$URL/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$SVC_PID" 2>/dev/null || { tail -20 "$OUT/service.log" >&2; log "the service did not start"; exit 1; }
    [ "$i" = 180 ] && { log "the service was not ready within 180 s"; exit 1; }
    sleep 1
done
log "service ready (pid $SVC_PID)"
psql -q -c "create database bench" >/dev/null 2>&1 || true
log "pgbench -i -s $PGBENCH_SCALE (database bench, for pgbench -S)"
pgbench -i -q -s "$PGBENCH_SCALE" bench >/dev/null 2>&1
. bench/pg-conn.sh
open_bench_connection

phase() { echo "$1" > "$OUT/phase"; }
sql() { psql -Atq -v ON_ERROR_STOP=1 -c "$1"; }
# microsecond latencies of a pgbench --log run → p99 in ms
pgbench_p99() { cat "$1".* | awk '{ print $3 }' | sort -n | awk '{ v[NR] = $1 } END { i = int(NR * 0.99); if (i < 1) i = 1; printf "%.1f", v[i] / 1000 }'; rm -f "$1".*; }
to_ms() { awk '{ v = $1; if (v ~ /us$/) printf "%.1f", v / 1000; else if (v ~ /ms$/) printf "%.1f", v + 0; else if (v ~ /s$/) printf "%.1f", v * 1000; else print v }'; }

queue_left() { bsql "select count(*) from post where analysis_state = 'pending' and id > $1"; }

# waits until no post above id $1 is queued; prints the time in ms, or nothing after $2 s. Polled every 0.1 s on the
# bench's one connection (bench/pg-conn.sh): until 2026-12-06 a psql every 0.5 s, ≈ 60 ms of CPU each, took 6–7 % of
# the machine from the drain it timed, and the half-second steps added up to 0.5 s to the drain's time.
wait_drained() {
    local deadline=$(( $(date +%s) + $2 ))
    while [ "$(date +%s)" -lt "$deadline" ]; do
        [ "$(queue_left "$1")" = 0 ] && { now_ms; return; }
        sleep 0.1
    done
}

# The seed's aftermath is over before a read rate is measured. bench/seed.sql writes a year of posts in one
# transaction a minute before the feed: the dirty pages it leaves are written out by the bgwriter, the checkpointer
# and the kernel, and autovacuum picks up the tables it did not vacuum, on the same two cores as the service, while
# the feed was measured first and its pgbench limit a minute later on a quieter server. A server in use has no such
# backlog; both the feed and its limit now start from a settled one: every table vacuumed and analysed, a checkpoint,
# PostgreSQL's files written to disk, and no autovacuum worker running.
settle() {
    [ "$SETTLE" = 1 ] || return 0
    local t0; t0=$(now_ms)
    sql "vacuum analyze" > /dev/null
    sql "checkpoint" > /dev/null
    find "$DATA/pg/base" "$DATA/pg/pg_wal" -type f -exec sync {} + 2>/dev/null || true
    for _ in $(seq 1 120); do
        [ "$(sql "select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'")" = 0 ] && break
        sleep 1
    done
    log "settled in $(( $(now_ms) - t0 )) ms"
}

measure_feed() {
    local level=$1
    settle
    phase "feed-$level"
    log "[$level] wrk: GET /api/incidents?limit=50, 16 connections, $LOAD_SECONDS s"
    # an unmeasured run first, so the service is measured warm, as it runs for days: under this load the JIT needs
    # about 30 s to compile the feed path (CPU per request 5.7 → 2.3 ms); PostgreSQL has nothing to compile
    wrk -t2 -c16 -d"${WARMUP_SECONDS}s" --timeout 30s -s bench/feed.lua "$URL" -- "$KEY" > /dev/null 2>&1
    wrk -t2 -c16 -d"${LOAD_SECONDS}s" --timeout 30s --latency -s bench/feed.lua "$URL" -- "$KEY" > "$OUT/wrk-$level.txt" 2>&1
    put "feed_rps_$level" "$(awk '/^Requests\/sec:/ { printf "%.1f", $2 }' "$OUT/wrk-$level.txt")"
    put "feed_p99_$level" "$(awk '$1 == "99%" { print $2 }' "$OUT/wrk-$level.txt" | to_ms)"
    put "feed_errors_$level" "$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { n += $NF } END { print n + 0 }' "$OUT/wrk-$level.txt")"
    settle
    log "[$level] pgbench -f bench/feed-page.sql, 16 clients, $LOAD_SECONDS s"
    pgbench -n -M prepared -c16 -j2 -T"$LOAD_SECONDS" -f bench/feed-page.sql --log --log-prefix="$OUT/pgb-feed" \
        > "$OUT/pgbench-feed-$level.txt" 2>&1
    put "feedsql_tps_$level" "$(awk -F'[ =]+' '/^tps/ { printf "%.0f", $2 }' "$OUT/pgbench-feed-$level.txt")"
    put "feedsql_p99_$level" "$(pgbench_p99 "$OUT/pgb-feed")"
    log "[$level] pgbench -S, 16 clients, $LOAD_SECONDS s"
    pgbench -n -S -M prepared -c16 -j2 -T"$LOAD_SECONDS" --log --log-prefix="$OUT/pgb-s" bench \
        > "$OUT/pgbench-S-$level.txt" 2>&1
    put "selectonly_tps_$level" "$(awk -F'[ =]+' '/^tps/ { printf "%.0f", $2 }' "$OUT/pgbench-S-$level.txt")"
    put "selectonly_p99_$level" "$(pgbench_p99 "$OUT/pgb-s")"
}

measure_ingest() {
    local level=$1 dir=$OUT/ingest-$level
    mkdir -p "$dir"
    phase "ingest-$level"
    local before; before=$(sql "select coalesce(max(id), 0) from post")
    log "[$level] POST /api/posts: $INGEST posts in batches of 1,000 from 2 clients"
    java -cp "$APP_JAR" bench/BenchClient.java ingest --url "$URL" --key "$KEY" --csv "$DATASET" --count "$INGEST" \
        --tag "ingest-$level" --out "$dir" > "$dir/ingest.txt"
    cat "$dir/ingest.txt" >&2
    local first; first=$(sed -n 's/.*first_ms=\([0-9]*\).*/\1/p' "$dir/ingest.txt")
    put "ingest_rps_$level" "$(sed -n 's/.* rate=\([0-9.]*\).*/\1/p' "$dir/ingest.txt")"
    put "ingest_failed_$level" "$(sed -n 's/.*failed_batches=\([0-9]*\).*/\1/p' "$dir/ingest.txt")"
    phase "drain-$level"
    log "[$level] waiting for the analysis queue to empty (at most $DRAIN_TIMEOUT s)"
    local done_ms; done_ms=$(wait_drained "$before" "$DRAIN_TIMEOUT")
    local stored; stored=$(sql "select count(*) from post where id > $before")
    if [ -n "$done_ms" ]; then
        put "drain_rps_$level" "$(calc "$stored * 1000 / ($done_ms - $first)")"
    else
        local left; left=$(queue_left "$before")
        put "drain_rps_$level" "<$(calc "($stored - $left) / $DRAIN_TIMEOUT")"
        log "[$level] $left posts still queued after $DRAIN_TIMEOUT s"
    fi
    put "drain_failed_$level" "$(sql "select count(*) from post where id > $before and analysis_state = 'failed'")"
    phase "copy-$level"
    sql "drop table if exists bench.copy_target; create table bench.copy_target (like post including defaults including indexes)"
    local t0 t1
    t0=$(now_ms)
    psql -q -v ON_ERROR_STOP=1 -c "\\copy bench.copy_target (source_id, external_id, url, author_handle, text, content_hash, published_at, fetched_at) from '$dir/copy.csv' csv"
    t1=$(now_ms)
    sql "drop table bench.copy_target"
    put "copy_rps_$level" "$(calc "$INGEST * 1000 / ($t1 - $t0)")"
}

# `analyze` over the ingested texts: its own rate, from the first line read to the last written, as the command prints
# it on stderr. Until 2026-12-06 an empty run's time (JVM start and model loading) was subtracted from the whole
# run's, but the two loadings differ by more than a second (5.6 s for the whole empty run against 6.9 s for the models
# alone in the real one, run of 09:08), which moved the limit by 10–15 % (docs/performance.md). The command's rate
# includes a fresh JVM compiling the analysis, as a user's run does; the drain at the top level runs warm. So the texts
# also go through one run twice: the second pass's rate, (2N − N) / (T(2N) − T(N)), is the warm analyzer's, printed
# beside the limit for what the store costs a warm service.
# the seconds `analyze` took over its lines, from its stderr ("analysed N lines in T s on K threads: R lines/s")
analyzed_in() { sed -n 's/^analysed [0-9]* lines in \([0-9.]*\) s .*/\1/p' "$1"; }
measure_analyze() {
    local jsonl=$1
    phase analyze-cli
    log "analyze over the same $INGEST texts (bin/otklik analyze), then over them twice in one run"
    bin/otklik analyze < "$jsonl" > "$OUT/analyze.jsonl" 2> "$OUT/analyze.err"
    put analyze_load_s "$(sed -n 's/^models loaded in \([0-9.]*\) s.*/\1/p' "$OUT/analyze.err")"
    local once twice
    once=$(analyzed_in "$OUT/analyze.err")
    # a run that failed prints no summary: the tables then show "-" and the error is in analyze.err
    [ -n "$once" ] || { log "analyze printed no summary; see $OUT/analyze.err"; return; }
    put analyze_rps "$(calc "$INGEST / $once")"
    cat "$jsonl" "$jsonl" | bin/otklik analyze > /dev/null 2> "$OUT/analyze-twice.err"
    twice=$(analyzed_in "$OUT/analyze-twice.err")
    if [ -n "$twice" ]; then put analyze_warm_rps "$(calc "$INGEST / ($twice - $once)")"; fi
}

# posts at a fixed rate; latency from each POST to its analysis and to its incident (the rows' commit times)
measure_latency() {
    phase steady
    local before; before=$(sql "select coalesce(max(id), 0) from post")
    log "posting $STEADY_RATE posts/s for $STEADY_SECONDS s"
    java -cp "$APP_JAR" bench/BenchClient.java steady --url "$URL" --key "$KEY" --csv "$DATASET" --rate "$STEADY_RATE" \
        --seconds "$STEADY_SECONDS" --tag steady --out "$OUT/steady-sent.csv" >&2
    wait_drained "$before" "$LATENCY_WAIT" > /dev/null || true
    sql "drop table if exists bench.sent; create table bench.sent (external_id text primary key, sent_ms bigint)"
    psql -q -v ON_ERROR_STOP=1 -c "\\copy bench.sent from '$OUT/steady-sent.csv' csv"
    # posts not analysed (or without an incident) by now count as infinitely late: the percentile then says so
    sql "select count(*),
                percentile_disc(0.5) within group (order by coalesce(extract(epoch from pa.analysed_at) * 1000 - s.sent_ms, 'infinity')),
                percentile_disc(0.99) within group (order by coalesce(extract(epoch from pa.analysed_at) * 1000 - s.sent_ms, 'infinity'))
         from bench.sent s join source so on so.key = 'bench-steady'
         join post p on p.source_id = so.id and p.external_id = s.external_id
         left join post_analysis pa on pa.post_id = p.id" > "$OUT/latency-analysed.txt"
    sql "select count(*),
                percentile_disc(0.5) within group (order by extract(epoch from ip.added_at) * 1000 - s.sent_ms),
                percentile_disc(0.99) within group (order by extract(epoch from ip.added_at) * 1000 - s.sent_ms)
         from bench.sent s join source so on so.key = 'bench-steady'
         join post p on p.source_id = so.id and p.external_id = s.external_id
         join post_analysis pa on pa.post_id = p.id and pa.complaint = 'complaint'
         join incident_post ip on ip.post_id = p.id" > "$OUT/latency-incident.txt"
    sql "select count(*) from bench.sent s join source so on so.key = 'bench-steady'
         join post p on p.source_id = so.id and p.external_id = s.external_id
         where p.analysis_state = 'pending'" > "$OUT/latency-unanalysed.txt"
    IFS='|' read -r n p50 p99 < "$OUT/latency-analysed.txt"
    put steady_posts "$n"; put analysed_p50_ms "$(ms "$p50")"; put analysed_p99_ms "$(ms "$p99")"
    IFS='|' read -r n p50 p99 < "$OUT/latency-incident.txt"
    put incident_posts "$n"; put incident_p50_ms "$(ms "$p50")"; put incident_p99_ms "$(ms "$p99")"
    put steady_unanalysed "$(cat "$OUT/latency-unanalysed.txt")"
}

peak_rss() { awk -v p="$1" '$2 ~ p && $3 > m { m = $3 } END { printf "%.0f", m / 1024 }' "$OUT/rss.log"; }
peak_pg() { awk -v p="$1" '$2 ~ p && $4 > m { m = $4 } END { printf "%.0f", m / 1024 }' "$OUT/rss.log"; }

# --- the runs -------------------------------------------------------------------------------------------------
for level in "${LEVELS[@]}"; do
    phase "seed-$level"
    log "[$level] seeding $level posts and $((level / 10)) incidents"
    psql -q -v ON_ERROR_STOP=1 -v posts="$level" -f bench/seed.sql > "$OUT/seed-$level.txt" 2>&1 \
        || { cat "$OUT/seed-$level.txt" >&2; exit 1; }
    put "incidents_$level" "$(sql "select count(*) from incident")"
    measure_feed "$level"
    if [ "$HAVE_TEXTS" = 1 ]; then
        measure_ingest "$level"
    fi
    put "rss_$level" "$(peak_rss "-$level\$")"
done
TOP=${LEVELS[-1]}
if [ "$HAVE_TEXTS" = 1 ]; then
    measure_latency
    measure_analyze "$OUT/ingest-$TOP/analyze.jsonl"
fi
phase end

# --- the report -----------------------------------------------------------------------------------------------
GC_LINE=$(jstat -gcutil "$SVC_PID" | tail -1)
UPTIME=$(ps -o etimes= -p "$SVC_PID" | tr -d ' ')
read -r -a GC <<< "$GC_LINE"
# jstat -gcutil columns: S0 S1 E O M CCS YGC YGCT FGC FGCT CGC CGCT GCT
put gc_share "$(calc "100 * ${GC[12]} / $UPTIME")"
put full_gcs "${GC[8]}"
put oom "$(grep -c OutOfMemoryError "$OUT/service.log" || true)"
# the sampler runs once a second, so the service's peak is its highest sample
sleep 1
put rss_peak "$(peak_rss .)"
put pg_peak "$(peak_pg .)"

{
echo
echo "Otklik service benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $([ "$QUICK" = 1 ] && echo "--quick" || echo "full run")"
echo "JVM: bin/otklik defaults; $(java -version 2>&1 | head -1); PostgreSQL $(sql 'show server_version')"
echo
echo "Growth with the seeded posts (incidents = posts / 10):"
printf '| %-9s | %9s | %12s | %11s | %13s | %14s | %12s | %15s | %11s | %9s |\n' "posts" "incidents" "ingest p/s" "COPY rows/s" "drain posts/s" "feed req/s" "feed p99 ms" "feed SQL tps" "pgbench -S" "RSS MB"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for level in "${LEVELS[@]}"; do
    printf '| %9s | %9s | %12s | %11s | %13s | %14s | %12s | %15s | %11s | %9s |\n' "$level" "$(get "incidents_$level")" \
        "$(get "ingest_rps_$level")" "$(get "copy_rps_$level")" "$(get "drain_rps_$level")" \
        "$(get "feed_rps_$level")" "$(get "feed_p99_$level")" \
        "$(get "feedsql_tps_$level") (p99 $(get "feedsql_p99_$level"))" "$(get "selectonly_tps_$level")" "$(get "rss_$level")"
done
echo
echo "At $TOP seeded posts, $(get "incidents_$TOP") incidents:"
echo "| figure | Otklik | its limit, same run | ratio | goal |"
echo "|---|---:|---:|---:|---|"
echo "| analysis from the queue, first post in → queue empty ($INGEST posts) | $(get "drain_rps_$TOP") posts/s | \`analyze\` over the same texts: $(get analyze_rps) posts/s (warm, their second pass in one run: $(get analyze_warm_rps) posts/s) | $(ratio "$(get "drain_rps_$TOP")" "$(get analyze_rps)") (vs warm $(ratio "$(get "drain_rps_$TOP")" "$(get analyze_warm_rps)")) | ≥ 0.8 |"
echo "| ingest → incident at $STEADY_RATE posts/s for $STEADY_SECONDS s | p99 $(get incident_p99_ms) (p50 $(get incident_p50_ms); $(get incident_posts) posts joined incidents) | POST → analysed: p99 $(get analysed_p99_ms), $(get steady_unanalysed) of $(get steady_posts) not analysed | — | p99 ≤ 2,000 ms |"
echo "| ingest through \`POST /api/posts\` (batches of 1,000, 2 clients) | $(get "ingest_rps_$TOP") posts/s | \`COPY\` of the same rows: $(get "copy_rps_$TOP") rows/s | $(ratio "$(get "ingest_rps_$TOP")" "$(get "copy_rps_$TOP")") | ≥ 0.2 |"
echo "| \`GET /api/incidents?limit=50\`, wrk 16 connections | $(get "feed_rps_$TOP") req/s, p99 $(get "feed_p99_$TOP") ms | \`pgbench -f bench/feed-page.sql\`: $(get "feedsql_tps_$TOP") tps (p99 $(get "feedsql_p99_$TOP") ms); \`pgbench -S\`: $(get "selectonly_tps_$TOP") tps | $(ratio "$(get "feed_rps_$TOP")" "$(get "feedsql_tps_$TOP")") (vs -S $(ratio "$(get "feed_rps_$TOP")" "$(get "selectonly_tps_$TOP")")) | ≥ 0.5, p99 ≤ 50 ms |"
echo "| service RSS, peak of the samples through the whole run | $(get rss_peak) MB | limit | $(ratio "$(get rss_peak)" "$RSS_LIMIT_MB") | ≤ $RSS_LIMIT_MB MB |"
echo
echo "Embedded PostgreSQL, peak PSS of all its processes: $(get pg_peak) MB. GC: $(get gc_share) % of the service's time, $(get full_gcs) full collections; OutOfMemoryError in the log: $(get oom)."
echo "Feed errors (non-2xx) at each level: $(for l in "${LEVELS[@]}"; do printf '%s ' "$(get "feed_errors_$l")"; done); refused ingest batches: $(for l in "${LEVELS[@]}"; do printf '%s ' "$(get "ingest_failed_$l")"; done); failed analyses: $(for l in "${LEVELS[@]}"; do printf '%s ' "$(get "drain_failed_$l")"; done)"
echo "Raw outputs in $OUT (wrk-*.txt, pgbench-*.txt, rss.log: time phase rss_kb pg_pss_kb, gc.log, service.log)."
} | tee "$OUT/report.md"
exit
}
