#!/usr/bin/env bash
# CPU per post of `POST /api/posts` (bench/README.md "CPU per post of an ingest"): starts the packaged service
# (bin/otklik, fresh embedded database) with the analysis queue paused (its NOTIFY trigger disabled, the poll
# an hour apart), seeds 10^4 posts (bench/seed.sql), warms the ingest path up with --warm appeals, then posts
# --rounds times N Kursk appeals (batches of 1,000, 2 clients: bench/BenchClient.java, as bench/run.sh) and prints,
# per round, the CPU (utime + stime from /proc) per post of the service and of every PostgreSQL process. Wall-clock
# rates swing with the neighbours on a shared machine; CPU per post is what compares two builds
# (OTKLIK_JAR=other/quarkus-run.jar runs another build).
#
#   bench/ingest-cpu.sh [--posts N] [--warm W] [--rounds R] [--shared DIR] [--out DIR]
#       N = 10000, W = 4000, R = 2, DIR = ../shared, target/ingest-cpu
#
# JFR=1 with JAVA_OPTS=-XX:StartFlightRecording=name=ingest,settings=profile also dumps the run to OUT/ingest.jfr.
set -euo pipefail
{
cd "$(dirname "$0")/.."
N=10000; WARM=4000; ROUNDS=2; SHARED=${OTKLIK_SHARED:-../shared}; OUT=target/ingest-cpu
while [ $# -gt 0 ]; do
    case "$1" in
        --posts) N=$2; shift ;;
        --warm) WARM=$2; shift ;;
        --rounds) ROUNDS=$2; shift ;;
        --shared) SHARED=$2; shift ;;
        --out) OUT=$2; shift ;;
        *) echo "usage: bench/ingest-cpu.sh [--posts N] [--warm W] [--rounds R] [--shared DIR] [--out DIR]" >&2; exit 2 ;;
    esac
    shift
done
DATASET=$SHARED/datasets/kursk-citizen-appeals/train_dataset_train.csv
[ -f "$DATASET" ] || { echo "no $DATASET (set --shared DIR)" >&2; exit 1; }
export LC_ALL=C
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd); DATA=$OUT/data
APP_JAR=$(ls target/quarkus-app/app/*.jar | head -1)
. bench/cpu-lib.sh
HTTP_PORT=$(free_port); PG_PORT=$(free_port); URL=http://127.0.0.1:$HTTP_PORT
KEY="otk_$(openssl rand -base64 33 | tr '+/' '-_')"
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres PGPASSWORD=postgres PGDATABASE=postgres
SVC_PID=
trap cleanup EXIT
trap 'exit 130' INT TERM
OTKLIK_DATA_DIR=$DATA OTKLIK_EMBEDDED_DB_CLEAN_START=true OTKLIK_EMBEDDED_DB_PORT=$PG_PORT \
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$HTTP_PORT OTKLIK_CRAWLER_SCHEDULE_ENABLED=false \
OTKLIK_BOOTSTRAP_API_KEY=$KEY OTKLIK_SECURITY_API_KEYS_DEFAULT_RATE_PER_MINUTE=100000000 \
OTKLIK_ANALYSIS_POLL_INTERVAL=1h OTKLIK_ANALYSIS_WARM_UP_POSTS=0 \
OTKLIK_ADMIN_USER=bench-admin OTKLIK_ADMIN_PASSWORD=$(openssl rand -hex 16) \
JAVA_OPTS="${JAVA_OPTS:-}" bin/otklik > "$OUT/service.log" 2>&1 &
SVC_PID=$!
wait_ready "$URL" "$OUT/service.log"
sql() { psql -Atq -v ON_ERROR_STOP=1 -c "$1"; }
psql -q -v ON_ERROR_STOP=1 -v posts=10000 -f bench/seed.sql > "$OUT/seed.txt" 2>&1
# the queue stays paused: ingested posts wait as 'pending', so only the ingest's own CPU is counted
sql "alter table post disable trigger post_queued_notify"
ingest() { java -Dfile.encoding=UTF-8 -cp "$APP_JAR" bench/BenchClient.java ingest --url "$URL" --key "$KEY" --csv "$DATASET" \
    --count "$1" --tag "$2" --out "$OUT" --batch 1000 --clients 2; }
ingest "$WARM" warm > "$OUT/warm.txt"
pm=$(head -1 "$DATA/pg/postmaster.pid")
HZ=$(getconf CLK_TCK)
: > "$OUT/summary.txt"
for r in $(seq 1 "$ROUNDS"); do
    sleep 2
    threads > "$OUT/threads0"; S0=$(svc_cpu); P0=$(pg_cpu)
    result=$(ingest "$N" "run$r")
    S1=$(svc_cpu); P1=$(pg_cpu); threads > "$OUT/threads1"
    awk -v r=$r -v n=$N -v s=$((S1 - S0)) -v p=$((P1 - P0)) -v hz=$HZ -v res="$result" 'BEGIN {
        printf "round %d, %d posts: service CPU %.3f ms/post, PostgreSQL CPU %.3f ms/post, total %.3f ms/post (%s)\n",
            r, n, s * 1000 / hz / n, p * 1000 / hz / n, (s + p) * 1000 / hz / n, res }' | tee -a "$OUT/summary.txt"
    thread_share "$OUT/threads0" "$OUT/threads1" "$N" | tee -a "$OUT/summary.txt"
done
sql "select count(*) filter (where original_id is not null) || ' of ' || count(*) || ' ingested posts linked to an original'
     from post where external_id like 'run%'" | tee -a "$OUT/summary.txt"
if [ -n "${JFR:-}" ]; then jcmd $SVC_PID JFR.dump name=ingest filename=$OUT/ingest.jfr > /dev/null; fi
exit
}
