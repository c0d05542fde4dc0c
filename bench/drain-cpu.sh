#!/usr/bin/env bash
# CPU per post of the analysis queue's drain (bench/README.md "CPU per post of a drain"): starts the packaged
# service (bin/otklik, fresh embedded database), seeds 10^4 posts (bench/seed.sql), inserts N Kursk appeals into
# `post` in one transaction (the queue wakes at its commit; no HTTP ingest, so its CPU is not mixed in), waits until
# the queue is empty, and prints the CPU (utime + stime from /proc) per post of the service, split by thread,
# and of PostgreSQL, split by process. On a busy machine wall-clock rates swing with the neighbours; CPU per
# post is what compares two builds (OTKLIK_JAR=other/quarkus-run.jar runs another build).
# --warmup W first drains W other posts (the same appeals, cycled on after the measured ones) unmeasured, so the
# measured drain runs on a warm service, as bench/run.sh's 10^6 level does (it follows 20,000 drained posts).
#
#   bench/drain-cpu.sh [--posts N] [--warmup W] [--shared DIR] [--out DIR]   # 5000, 0, ../shared, target/drain-cpu
#
# JFR=1 with JAVA_OPTS=-XX:StartFlightRecording=name=drain,settings=profile also dumps the run to OUT/drain.jfr.
# The benchmark's own statements (the posts' insert, the queue's poll every 0.1 s, so the wall time reads to 0.1 s)
# go through one long-lived psql connection, whose backend's CPU is printed on its own line ("pg bench-connection")
# and left out of the PostgreSQL figure: before 2026-12-05 13:00 each poll was a new psql and a new backend, and those
# backends' CPU and the insert's were counted with PostgreSQL's ("exited children"), 0.3–0.9 ms a post that was not
# the queue's.
set -euo pipefail
{
cd "$(dirname "$0")/.."
N=5000; W=0; SHARED=${OTKLIK_SHARED:-../shared}; OUT=target/drain-cpu
while [ $# -gt 0 ]; do
    case "$1" in
        --posts) N=$2; shift ;;
        --warmup) W=$2; shift ;;
        --shared) SHARED=$2; shift ;;
        --out) OUT=$2; shift ;;
        *) echo "usage: bench/drain-cpu.sh [--posts N] [--warmup W] [--shared DIR] [--out DIR]" >&2; exit 2 ;;
    esac
    shift
done
. bench/cpu-lib.sh
prepare_run
start_service
python3 - "$((N + W))" "$DATASET" > "$OUT/texts.csv" <<'EOF'
import csv, sys
n = int(sys.argv[1]); texts = []
with open(sys.argv[2], newline='') as f:
    r = csv.reader(f); next(r)
    for row in r:
        if row[1].strip(): texts.append(row[1])
w = csv.writer(sys.stdout)
for i in range(n): w.writerow([i, texts[i % len(texts)]])
EOF
sql "create table bench.drain_texts (n int, text text)"
psql -q -v ON_ERROR_STOP=1 -c "\\copy bench.drain_texts from '$OUT/texts.csv' csv"
sql "insert into source (key, kind, title, origin) values ('bench-drain', 'api', 'drain', 'api')"
# the bench's own connection: one backend for the insert and every poll (a psql per poll forked a backend each time)
. bench/pg-conn.sh
open_bench_connection
BPID=$(bsql "select pg_backend_pid()")
# inserts the texts numbered [$1, $2) as posts in one transaction, then waits until none of them is pending
drain() {
    local before; before=$(bsql "select coalesce(max(id), 0) from post")
    bsql "insert into post (source_id, external_id, url, author_handle, text, content_hash, published_at, fetched_at)
         select s.id, 'drain-' || n, 'https://bench.invalid/drain/' || n, 'id' || (n % 5000), text, md5(text),
                now() - interval '1 hour' + n * interval '1 millisecond', now()
         from bench.drain_texts, source s where s.key = 'bench-drain' and n >= $1 and n < $2 order by n" > /dev/null
    while [ "$(bsql "select count(*) from post where analysis_state = 'pending' and id > $before")" != 0 ]; do sleep 0.1; done
    BEFORE=$before
}
sleep 5
# the warm-up's posts follow the measured ones in the file, so the measured drain has the same texts either way
if [ "$W" -gt 0 ]; then
    T=$(date +%s%3N); drain "$N" "$((N + W))"
    echo "warm-up: $W posts drained unmeasured in $(( ($(date +%s%3N) - T) / 1000 )) s" | tee "$OUT/warmup.txt"
    sleep 3
fi
pm=$(head -1 "$DATA/pg/postmaster.pid")
pgprocs() { echo "$pm exited-children $(awk '{ print $16 + $17 }' /proc/$pm/stat)"; for c in $(cat /proc/$pm/task/$pm/children); do
    if [ "$c" = "$BPID" ]; then echo "$c bench-connection $(awk '{ print $14 + $15 }' /proc/$c/stat)"; continue; fi
    echo "$c $(tr '\0' ' ' < /proc/$c/cmdline | awk '{ print $2 }')-$(tr '\0' ' ' < /proc/$c/cmdline | awk '{ print $3 }') $(awk '{ print $14 + $15 }' /proc/$c/stat)"; done 2>/dev/null; }
bench_cpu() { awk '{ print $14 + $15 }' /proc/$BPID/stat; }
jit() { jstat -compiler "$SVC_PID" | awk 'NR == 2 { print $1, $4 }'; }
read -r C0 J0 < <(jit)
jcmd "$SVC_PID" Compiler.codecache > "$OUT/codecache0.txt"
# per-statement figures when the server preloads pg_stat_statements (a build whose embedded server loads it)
PSS=$(sql "select count(*) from pg_settings where name = 'shared_preload_libraries' and setting like '%pg_stat_statements%'")
if [ "$PSS" = 1 ]; then sql "create extension if not exists pg_stat_statements; select pg_stat_statements_reset()" > /dev/null; fi
L0=$(sql "select pg_current_wal_lsn()")
pgprocs > "$OUT/pg0"; threads > "$OUT/threads0"; S0=$(svc_cpu); B0=$(bench_cpu); P0=$(pg_cpu); T0=$(date +%s%3N)
drain 0 "$N"; before=$BEFORE
T1=$(date +%s%3N); S1=$(svc_cpu); P1=$(pg_cpu); B1=$(bench_cpu); threads > "$OUT/threads1"; pgprocs > "$OUT/pg1"
read -r C1 J1 < <(jit)
jcmd "$SVC_PID" Compiler.codecache > "$OUT/codecache1.txt"
L1=$(sql "select pg_current_wal_lsn()")
HZ=$(getconf CLK_TCK)
# PostgreSQL's CPU without the bench connection's (its insert of the posts and its polls: not the queue's work)
awk -v n=$N -v w=$((T1 - T0)) -v s=$((S1 - S0)) -v p=$((P1 - P0 - (B1 - B0))) -v hz=$HZ -v cores="$(nproc)" 'BEGIN {
    printf "drain %d posts: wall %.1f s (%.1f posts/s); service CPU %.2f ms/post, PostgreSQL CPU %.2f ms/post, total %.2f ms/post\n",
        n, w / 1000, n * 1000 / w, s * 1000 / hz / n, p * 1000 / hz / n, (s + p) * 1000 / hz / n
    # below the core count, the drain left CPU idle (or other load on the machine took it)
    printf "cores busy: service %.2f, PostgreSQL %.2f, both %.2f of %d\n", s / hz / (w / 1000), p / hz / (w / 1000), (s + p) / hz / (w / 1000), cores }' | tee "$OUT/summary.txt"
# methods the JIT compiled during the drain (jstat -compiler): a warm service compiles few
awk -v c=$((C1 - C0)) -v t0="$J0" -v t1="$J1" 'BEGIN { printf "JIT: %d methods compiled during the drain, %.1f s of compile time\n", c, t1 - t0 }' | tee -a "$OUT/summary.txt"
# per-thread-group CPU of the service during the drain
thread_share "$OUT/threads0" "$OUT/threads1" "$N" | tee -a "$OUT/summary.txt"
join -a 2 -e 0 -o 2.2,1.3,2.3 <(sort "$OUT/pg0") <(sort "$OUT/pg1") | awk -v hz=$HZ -v n=$N '{ d[$1] += $3 - $2 } END { for (g in d) if (d[g] > 0) printf "  %6.2f ms/post  pg %s\n", d[g] * 1000 / hz / n, g }' | sort -rn | tee -a "$OUT/summary.txt"
sql "select analysis_state, count(*) from post where id > $before group by 1" | tee -a "$OUT/summary.txt"
sql "select count(*) from incident" | sed 's/^/incidents /' | tee -a "$OUT/summary.txt"
# the incident events the drain wrote, by type: joins and priority changes cost the store more than new incidents
sql "select type, count(*) from incident_event where at >= to_timestamp($T0 / 1000.0) and at <= to_timestamp($T1 / 1000.0)
     group by 1 order by 2 desc" | tee -a "$OUT/summary.txt"
# what the drain decided, to compare builds' behaviour, not only their cost: the alerts it raised by kind and subject,
# and every incident's priority after it (a batch sets a joined incident's priority once, from its signals after
# the whole batch, so the events above can differ with the batch's size while these stay)
sql "select 'alert ' || kind || ' ' || subject_type, count(*) from alert
     where created_at >= to_timestamp($T0 / 1000.0) and created_at <= to_timestamp($T1 / 1000.0) group by 1 order by 1" | tee -a "$OUT/summary.txt"
sql "select 'priority ' || priority, count(*) from incident group by 1 order by 1" | tee -a "$OUT/summary.txt"
# counted, not timed: what the drain wrote (the checkpointer's full-page images included), and an analysis row's size
sql "select 'WAL ' || round(pg_wal_lsn_diff('$L1', '$L0') / $N) || ' bytes/post; post_analysis '
            || round(pg_total_relation_size('post_analysis')::numeric / count(*)) || ' bytes/row with its indexes'
     from post_analysis" | tee -a "$OUT/summary.txt"
# the code cache after the drain: a full cache (or a sweep) would make the JIT compile the same methods again
awk '/^CodeCache|^CodeHeap|^ size=|total_blobs|full_count/' "$OUT/codecache1.txt" | sed 's/^/  /' | tee -a "$OUT/summary.txt"
awk '/^VmRSS|^VmHWM/ { printf "%s %d MB  ", $1, $2 / 1024 } END { print "" }' /proc/$SVC_PID/status | sed 's/^/service /' | tee -a "$OUT/summary.txt"
if [ "$PSS" = 1 ]; then
    sql "select to_char(total_exec_time / $N, 'FM990.000') || ' ms/post  ' || calls || ' calls  ' || rows || ' rows  '
                || regexp_replace(left(query, 140), '\s+', ' ', 'g')
         from pg_stat_statements where query not like '%pg_stat_statements%' order by total_exec_time desc limit 25" > "$OUT/statements.txt"
fi
if [ -n "${JFR:-}" ]; then jcmd $SVC_PID JFR.dump name=drain filename=$OUT/drain.jfr > /dev/null; fi
exit
}
