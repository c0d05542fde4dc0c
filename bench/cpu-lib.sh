# Shared by bench/drain-cpu.sh and bench/ingest-cpu.sh (sourced, not run): a free loopback port, the CPU counters of
# the service and of the embedded PostgreSQL from /proc, and the stop of both on exit. The caller sets SVC_PID (the
# service) and DATA (its data directory); pm is the postmaster's pid once the server runs.
free_port() { local p; for _ in $(seq 1 50); do p=$((20000 + RANDOM % 30000)); if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi; done; }
cleanup() {
    set +e
    if [ -n "$SVC_PID" ] && kill -0 "$SVC_PID" 2>/dev/null; then
        kill "$SVC_PID"; for _ in $(seq 1 60); do kill -0 "$SVC_PID" 2>/dev/null || break; sleep 1; done
        kill -0 "$SVC_PID" 2>/dev/null && kill -9 "$SVC_PID"
    fi
    pm=$(head -1 "$DATA/pg/postmaster.pid" 2>/dev/null)
    if [ -n "$pm" ] && kill -0 "$pm" 2>/dev/null; then kill "$pm"; sleep 3; fi
}
# waits until the service answers ready; its log's tail and a failure if it dies first
wait_ready() {
    for _ in $(seq 1 240); do
        curl -sf "$1/q/health/ready" >/dev/null 2>&1 && return
        kill -0 "$SVC_PID" 2>/dev/null || { tail -20 "$2"; exit 1; }
        sleep 1
    done
}
svc_cpu() { awk '{ print $14 + $15 }' /proc/$SVC_PID/stat; }
pg_cpu() { local t; t=$(awk '{ print $14 + $15 + $16 + $17 }' /proc/$pm/stat)
    for c in $(cat /proc/$pm/task/$pm/children); do t=$((t + $(awk '{ print $14 + $15 }' /proc/$c/stat 2>/dev/null || echo 0))); done; echo $t; }
# a thread that ends between the listing and its read is skipped, not a failure of the script (set -e)
threads() { for t in /proc/$SVC_PID/task/*; do awk -v tid="${t##*/}" '{ s = $0; sub(/^[0-9]+ \(/, "", s); name = substr(s, 1, index(s, ") ") - 1); sub(/^.*\) /, "", s); split(s, f, " "); print tid "\t" name "\t" f[12] + f[13] }' $t/stat 2>/dev/null || true; done; }
# the service's CPU per unit between two threads() snapshots, by thread group (digits in names folded)
thread_share() {
    join -t $'\t' -a 2 -e 0 -o 2.2,1.3,2.3 <(sort "$1") <(sort "$2") \
        | awk -F'\t' -v hz="$(getconf CLK_TCK)" -v n="$3" '{ g = $1; gsub(/[0-9]+/, "#", g); d[g] += $3 - $2 } END { for (g in d) if (d[g] > 0) printf "  %6.3f ms/post  %s\n", d[g] * 1000 / hz / n, g }' \
        | sort -rn
}
sql() { psql -Atq -v ON_ERROR_STOP=1 -c "$1"; }
# the Kursk appeals under $SHARED, into DATASET, and the output directory $OUT made absolute, with DATA in it
prepare_run() {
    DATASET=$SHARED/datasets/kursk-citizen-appeals/train_dataset_train.csv
    [ -f "$DATASET" ] || { echo "no $DATASET (set --shared DIR)" >&2; exit 1; }
    export LC_ALL=C
    mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd); DATA=$OUT/data
}
# starts bin/otklik (OTKLIK_JAR, JAVA_OPTS) on a fresh embedded database in $DATA on free loopback ports, with the
# extra environment given as NAME=value arguments; stops it on exit; waits until it is ready and seeds 10^4 posts
start_service() {
    HTTP_PORT=$(free_port); PG_PORT=$(free_port); URL=http://127.0.0.1:$HTTP_PORT
    export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres PGPASSWORD=postgres PGDATABASE=postgres
    SVC_PID=
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    env OTKLIK_DATA_DIR="$DATA" OTKLIK_EMBEDDED_DB_CLEAN_START=true OTKLIK_EMBEDDED_DB_PORT="$PG_PORT" \
        QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$HTTP_PORT" OTKLIK_CRAWLER_SCHEDULE_ENABLED=false \
        OTKLIK_ADMIN_USER=bench-admin OTKLIK_ADMIN_PASSWORD="$(openssl rand -hex 16)" "$@" \
        JAVA_OPTS="${JAVA_OPTS:-}" bin/otklik > "$OUT/service.log" 2>&1 &
    SVC_PID=$!
    wait_ready "$URL" "$OUT/service.log"
    # the reference tables (topics, municipalities, agencies) are loaded at start-up, and on a loaded machine the
    # service can answer ready before they are: the seed's incidents take their codes from them
    for _ in $(seq 1 120); do [ "$(sql "select exists (select 1 from topic)")" = t ] && break; sleep 1; done
    psql -q -v ON_ERROR_STOP=1 -v posts=10000 -f bench/seed.sql > "$OUT/seed.txt" 2>&1
}
