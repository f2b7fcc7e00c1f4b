# shellcheck shell=bash
# Sourced by ./portal, not run on its own: the commands that measure and attack the portal rather than
# run it, namely the benchmark (bench), backup and restore, and the fault suite (chaos). They use the
# launcher's helpers (fresh_environment, start_app_and_wait, service_stop, service_start, apt_need).

# ---------------------------------------------------------------- benchmark
# Not part of test: a generated corpus and needs in their own database and index.
cmd_bench() {
  local scale=100000 mode=repeated
  while [[ $# -gt 0 ]]; do
    case $1 in
      --scale) scale=$2; shift 2 ;;
      --corpus) mode=$2; shift 2 ;;
      *) die "usage: ./portal bench [--scale N] [--corpus repeated|varied]" ;;
    esac
  done
  [[ $mode == repeated || $mode == varied ]] || die "--corpus is repeated (the default) or varied"
  stack_up
  if ! command -v wrk >/dev/null || ! command -v pgbench >/dev/null; then
    apt_need bench "the benchmark needs wrk and pgbench: sudo apt-get install -y wrk postgresql-client" wrk postgresql-client
  fi
  build_app
  local bench=$CACHE/bench port=${PORTAL_BENCH_PORT:-8083}
  mkdir -p "$bench"
  port_open "$port" && die "port $port (the benchmark's portal) is in use; free it first"
  local corpus=$bench/corpus-$scale.jsonl
  [[ $mode == varied ]] && corpus=$bench/corpus-$scale-varied.jsonl
  if [[ ! -s $corpus ]]; then
    step "Generating $scale content records ($mode corpus, seeded, from the sample corpus's vocabulary)"
    node "$ROOT/bench/generate.mjs" "$scale" "$DEMO_DATA" "$mode" >"$corpus.tmp" && mv "$corpus.tmp" "$corpus"
  fi
  step "Fresh benchmark database keyida_bench and index keyida-bench-content"
  fresh_environment keyida_bench keyida-bench-content
  # The load comes from one address: the flood protection would measure itself, so it is off here.
  local opts=(-Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:$PG_PORT/keyida_bench"
    -Dportal.search.alias=keyida-bench-content -Dportal.web.base-url="http://localhost:$port"
    -Dportal.rate-limit.enabled=false)
  # The schema and the empty index first, as the raw bulk's index exists before its clock starts.
  app_cli "${opts[@]}" import /dev/null >/dev/null
  # The start-up cache as ./portal run leaves it, so that the import starts as a user's does.
  aot_train "${opts[@]}"
  # The import's yardstick, raw bulks of the same records (bench/bulk.mjs), right before and right after it;
  # the plain index made after it stays for the reference searches.
  local plain=bench-plain-$$ raw_plain=() raw_portal=() t0 t1
  step "Raw Elasticsearch bulks of the same records before the import: plain mapping, the portal's mapping"
  raw_plain+=("$(bulk plain "$corpus" "$plain-before" --delete)")
  raw_portal+=("$(bulk portal "$corpus" "bench-raw-$$" --delete)")
  say "    ${raw_plain[0]} and ${raw_portal[0]} docs/s"
  step "Importing $scale records through the portal's import path, until all are searchable"
  t0=$(date +%s.%N)
  app_cli "${opts[@]}" import "$corpus" | tail -2
  t1=$(date +%s.%N)
  # The import leaves the segment merge running in Elasticsearch; the raw bulks are merged after their
  # clocks stop too. It finishes here, so that it does not run during the start and load measurements.
  curl -fsS -X POST "http://127.0.0.1:$ES_PORT/keyida-bench-content/_forcemerge?max_num_segments=1" >/dev/null
  step "The same raw bulks after the import"
  raw_plain+=("$(bulk plain "$corpus" "$plain")")
  raw_portal+=("$(bulk portal "$corpus" "bench-raw-$$" --delete)")
  say "    ${raw_plain[1]} and ${raw_portal[1]} docs/s"
  step "Generating 100000 needs with follow-ups"
  PGPASSWORD=$DB_PASSWORD psql -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -d keyida_bench -q -v needs=100000 \
    -f "$ROOT/bench/needs.sql" >/dev/null
  # Statistics and visibility maps now, as after any bulk load, rather than by autovacuum during the measurements.
  pg_superuser_psql -d keyida_bench -c "vacuum (analyze)" >/dev/null
  # One start on two busy cores varies by ±10 % and more: the portal starts five times and the median
  # counts; the last start stays up for the measurements.
  step "Starting the portal on :$port five times (log $LOGS/bench-app.log)"
  local start_ns starts=() i
  for i in 1 2 3 4 5; do
    start_ns=$(date +%s%N)
    start_app_and_wait "benchmark portal" "$LOGS/bench-app.log" "$port" "${opts[@]}" -Dquarkus.log.level=WARN
    starts+=($((($(date +%s%N) - start_ns) / 1000000)))
    if [[ $i -lt 5 ]]; then stop_app "$APP_PID"; fi
  done
  sleep 5 # at rest
  PLAIN_INDEX=$plain RAW_PLAIN="${raw_plain[*]}" RAW_PORTAL="${raw_portal[*]}" \
    SCALE=$scale CORPUS=$corpus CORPUS_MODE=$mode IMPORT_SECONDS=$(awk "BEGIN {print $t1 - $t0}") START_MS="${starts[*]}" APP_PID=$APP_PID \
    PORTAL_URL="http://localhost:$port" ES_URL="http://127.0.0.1:$ES_PORT" node "$ROOT/bench/bench.mjs"
  stop_apps
}

bulk() { ES_URL="http://127.0.0.1:$ES_PORT" node "$ROOT/bench/bulk.mjs" "$@"; }

# ---------------------------------------------------------------- backup and restore

# A consistent snapshot of the database (pg_dump's custom format): content, needs, audit, outboxes.
cmd_backup() {
  local db=keyida file=""
  while [[ $# -gt 0 ]]; do
    case $1 in
      --db) db=$2; shift 2 ;;
      -*) die "usage: ./portal backup [FILE] [--db NAME]" ;;
      *) file=$1; shift ;;
    esac
  done
  pg_up
  file=${file:-$ROOT/backups/$db-$(date +%Y%m%d-%H%M%S).dump}
  mkdir -p "$(dirname "$file")"
  PGPASSWORD=$DB_PASSWORD pg_dump -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -d "$db" -Fc -f "$file"
  say "backup of database $db: $file ($(du -h "$file" | cut -f1))"
}

# Restores a backup into a fresh database (replacing it), then rebuilds the search index from it.
# Extra -D options after -- go to the reindex (e.g. another alias or Elasticsearch hosts).
cmd_restore() {
  local db=keyida file="" reindex_opts=()
  while [[ $# -gt 0 ]]; do
    case $1 in
      --db) db=$2; shift 2 ;;
      --) shift; reindex_opts=("$@"); break ;;
      -*) die "usage: ./portal restore FILE [--db NAME] [-- -Dproperty=value ...]" ;;
      *) file=$1; shift ;;
    esac
  done
  [[ -f $file ]] || die "usage: ./portal restore FILE [--db NAME]  (no such file: ${file:-none})"
  stack_up >/dev/null
  build_app
  step "Restoring $file into a fresh database $db"
  fresh_database "$db"
  PGPASSWORD=$DB_PASSWORD pg_restore -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -d "$db" --no-owner --exit-on-error "$file"
  step "Rebuilding the search index from the restored database"
  app_cli -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:$PG_PORT/$db" "${reindex_opts[@]}" reindex
}

# ---------------------------------------------------------------- chaos: two app instances, a three-node Elasticsearch cluster
CHAOS_ES=$CACHE/es-chaos
CHAOS_DB=keyida_chaos
CHAOS_ALIAS=keyida-chaos-content
CHAOS_HOSTS=127.0.0.1:9211,127.0.0.1:9212,127.0.0.1:9213

chaos_es_health() { curl -fsS --max-time 3 "http://127.0.0.1:$((9210 + $1))/_cluster/health" 2>/dev/null; }
chaos_es_full() { # all three nodes in the cluster and every shard allocated
  local n
  for n in 1 2 3; do
    chaos_es_health "$n" | grep -q '"number_of_nodes":3,.*' && chaos_es_health "$n" | grep -q '"status":"green"' && return 0
  done
  return 1
}

chaos_es_start() {
  local n=$1 dir=$CHAOS_ES/node$1
  mkdir -p "$dir/data" "$LOGS/es-chaos-$n"
  [[ -f $dir/config/jvm.options ]] || { rm -rf "$dir/config"; cp -r "$ES_HOME/config" "$dir/config"; }
  cat >"$dir/config/elasticsearch.yml" <<YML
# Written by ./portal chaos: node $n of a local three-node cluster (the scale-out deployment).
cluster.name: keyida-chaos
node.name: chaos-$n
network.host: 127.0.0.1
http.port: $((9210 + n))
transport.port: $((9310 + n))
discovery.seed_hosts: ["127.0.0.1:9311", "127.0.0.1:9312", "127.0.0.1:9313"]
cluster.initial_master_nodes: ["chaos-1", "chaos-2", "chaos-3"]
path.data: $dir/data
path.logs: $LOGS/es-chaos-$n
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
YML
  is_root && chown -R "$ES_USER" "$dir" "$LOGS/es-chaos-$n" "$RUN"
  as_es_user env ES_JAVA_HOME="$(temurin_home)" ES_PATH_CONF="$dir/config" ES_JAVA_OPTS="-Xms256m -Xmx256m" \
    "$ES_HOME/bin/elasticsearch" -d -p "$RUN/es-chaos-$n.pid" >"$LOGS/es-chaos-$n.out" 2>&1 \
    || service_failed "Elasticsearch node chaos-$n" "$LOGS/es-chaos-$n/keyida-chaos.log" "bin/elasticsearch failed"
}

chaos_es_each() { # runs "$@" n for the three nodes in parallel (a node's start waits for the others)
  local pids=() n
  for n in 1 2 3; do "$@" "$n" & pids+=($!); done
  wait "${pids[@]}" # only these: this shell may also be the parent of Keycloak and the mail server
}

chaos_es_stop() { # n [signal]
  stop_pidfile "Elasticsearch node chaos-$1" "$RUN/es-chaos-$1.pid" $((9210 + $1)) "${2:-TERM}" >/dev/null
}

chaos_es_stop_all() { local n; for n in 1 2 3; do chaos_es_stop "$n"; done; }

# Faults on the chaos cluster's nodes for bench/chaos.mjs (internal); PostgreSQL, Keycloak and the mail
# server it stops and starts with ./portal stack stop|start SERVICE.
cmd_chaos_fault() {
  case $1 in
    es-kill) chaos_es_stop "$2" KILL ;;
    es-start) chaos_es_start "$2"; wait_for "Elasticsearch node chaos-$2" "$LOGS/es-chaos-$2/keyida-chaos.log" 120 "" chaos_es_full ;;
    es-stop-all) chaos_es_each chaos_es_stop ;;
    es-start-all)
      chaos_es_each chaos_es_start
      wait_for "three-node Elasticsearch cluster" "$LOGS/es-chaos-1/keyida-chaos.log" 180 "" chaos_es_full ;;
    *) die "unknown fault $1" ;;
  esac
}

cmd_chaos() {
  local soak=60
  while [[ $# -gt 0 ]]; do
    case $1 in
      --soak) soak=$2; shift 2 ;;
      --full) soak=600; shift ;;
      *) die "usage: ./portal chaos [--soak SECONDS | --full]" ;;
    esac
  done
  is_root || die "the fault suite stops and starts PostgreSQL: run it as root (as CI does)"
  stack_up >/dev/null
  [[ -f $RUN/keycloak.pid && -f $RUN/mail.pid ]] \
    || die "the fault suite stops Keycloak and the mail server, so this launcher must have started them: ./portal stack down, then retry"
  build_app
  local a=8084 b=8085 n
  port_open $a && die "port $a is in use; free it first"
  port_open $b && die "port $b is in use; free it first"
  step "Three-node Elasticsearch cluster keyida-chaos on :9211-9213 (one replica per shard)"
  for n in 1 2 3; do chaos_es_stop "$n" KILL; done
  rm -rf "$CHAOS_ES"/node*/data
  chaos_es_each chaos_es_start
  wait_for "three-node Elasticsearch cluster" "$LOGS/es-chaos-1/keyida-chaos.log" 180 "" chaos_es_full
  step "Fresh database $CHAOS_DB, demo data imported"
  fresh_environment "$CHAOS_DB" "$CHAOS_ALIAS" http://127.0.0.1:9211
  local c=(-Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:$PG_PORT/$CHAOS_DB"
    -Dquarkus.elasticsearch.hosts="$CHAOS_HOSTS" -Dportal.search.alias="$CHAOS_ALIAS" -Dportal.search.replicas=1
    -Dportal.rate-limit.enabled=false "-Dportal.reminders.cron=*/15 * * * * ?")
  app_cli "${c[@]}" import "$DEMO_DATA" >"$LOGS/chaos-import.log" 2>&1 \
    || service_failed "demo import for the fault suite" "$LOGS/chaos-import.log" "import failed"
  step "Two portal instances on :$a and :$b (logs $LOGS/chaos-app-a.log, chaos-app-b.log)"
  aot_train "${c[@]}"
  trap 'stop_apps; chaos_es_stop_all' EXIT
  # both start at once, then both are waited for: one after the other would take twice as long
  local pid_a pid_b
  app_server "$LOGS/chaos-app-a.log" "${c[@]}" -Dportal.web.base-url="http://localhost:$a" -Dquarkus.http.port=$a
  pid_a=$APP_PID
  app_server "$LOGS/chaos-app-b.log" "${c[@]}" -Dportal.web.base-url="http://localhost:$b" -Dquarkus.http.port=$b
  pid_b=$APP_PID
  app_wait_ready "portal instance A" "$LOGS/chaos-app-a.log" $a "$pid_a"
  app_wait_ready "portal instance B" "$LOGS/chaos-app-b.log" $b "$pid_b"
  local rc=0
  A_URL="http://localhost:$a" B_URL="http://localhost:$b" A_PID=$pid_a B_PID=$pid_b \
    A_LOG="$LOGS/chaos-app-a.log" B_LOG="$LOGS/chaos-app-b.log" ES_URLS="http://${CHAOS_HOSTS//,/,http://}" \
    CHAOS_ALIAS=$CHAOS_ALIAS CHAOS_DB=$CHAOS_DB KEYCLOAK_URL="$(KC_REALM_URL)" SOAK_SECONDS=$soak \
    node "$ROOT/bench/chaos.mjs" || rc=$?
  step "Backup and restore: pg_dump, restore into a fresh database, reindex, compare"
  local dump=$CACHE/chaos-backup.dump
  cmd_backup "$dump" --db $CHAOS_DB
  cmd_restore "$dump" --db ${CHAOS_DB}_restore -- -Dquarkus.elasticsearch.hosts="$CHAOS_HOSTS" \
    -Dportal.search.alias=keyida-chaos-restore >"$LOGS/chaos-restore.log" 2>&1 \
    || service_failed "restore" "$LOGS/chaos-restore.log" "restore failed"
  local table orig copy
  for table in content_item need need_event need_followup mail_outbox enterprise_profile content_audit; do
    orig=$(db_psql -d $CHAOS_DB -c "select count(*) from $table")
    copy=$(db_psql -d ${CHAOS_DB}_restore -c "select count(*) from $table")
    printf '    %-20s %8s original %8s restored\n' "$table" "$orig" "$copy"
    [[ $orig == "$copy" ]] || { say "    FAIL: $table differs after restore"; rc=1; }
  done
  local published indexed
  published=$(db_psql -d ${CHAOS_DB}_restore -c "select count(*) from content_item where status = 'PUBLISHED'")
  curl -fsS -X POST "http://127.0.0.1:9211/keyida-chaos-restore/_refresh" >/dev/null
  indexed=$(curl -fsS "http://127.0.0.1:9211/keyida-chaos-restore/_count" | sed -n 's/.*"count":\([0-9]*\).*/\1/p')
  printf '    %-20s %8s published %8s indexed\n' "search index" "$published" "$indexed"
  [[ $published == "$indexed" ]] || { say "    FAIL: the restored index does not hold every published item"; rc=1; }
  if [[ $rc -eq 0 ]]; then say "    PASS  backup and restore bring back every need and item"; fi
  stop_apps
  chaos_es_stop_all
  trap stop_apps EXIT
  return $rc
}

