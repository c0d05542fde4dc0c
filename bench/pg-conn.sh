# One long-lived psql connection for a benchmark's repeated statements, sourced by bench/run.sh and
# bench/drain-cpu.sh. A psql per statement costs the machine ≈ 60 ms of CPU on Debian (`psql` is pg_wrapper, a Perl
# script, before the client itself) and a backend forked and authenticated; polling the queue that way twice a second
# through a drain took 6–7 % of a 2-core machine from the service being measured, and none from its `analyze` limit.

# starts the connection (coprocess BENCH) with the PG* environment the caller exported
open_bench_connection() {
    coproc BENCH { psql -Atq -v ON_ERROR_STOP=1 2>&1; }
}

# runs one statement on it and prints its rows; a failed statement ends psql, and the script with it
bsql() {
    local line out=
    printf '%s;\n\\echo __done__\n' "$1" >&"${BENCH[1]}"
    while true; do
        IFS= read -r line <&"${BENCH[0]}" || { echo "bench connection: $out" >&2; exit 1; }
        [ "$line" = __done__ ] && break
        out+=$line$'\n'
    done
    printf '%s' "$out"
}
