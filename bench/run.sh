#!/usr/bin/env bash
# Benchmark harness: Defence Line's job against a single-threaded floor and DuckDB, on the same generated exports.
#   bench/run.sh                      sizes 100000 1000000 5000000 tickets
#   BENCH_SIZES="100000" bench/run.sh one size
# The exports are made by `generate --realistic-texts` (texts of real length, none alike). Prints the figures, the
# texts' length and distinct share and the job's step times, and writes them all to bench/results.md. Generated data
# and outputs go to bench/work/ (not in git).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../jobs/common.sh"
cd "$DL_HOME"
sizes=${BENCH_SIZES:-"100000 1000000 5000000"}
work=bench/work
mkdir -p "$work"
dl_build_if_needed
# The floor and the DuckDB baseline are test sources, so they stay out of the application jars; the build above
# compiles them, this covers a jar that is up to date while they are missing or changed.
bench_class=target/test-classes/nl/defenceline/bench/FloorBenchmark.class
if [[ ! -f "$bench_class" || -n "$(find src/test/java/nl/defenceline/bench -newer "$bench_class" -print -quit)" ]]; then
  ./mvnw -q -B test-compile >&2
fi

duckdb_jar=$(ls "$work"/lib/duckdb_jdbc-*.jar 2>/dev/null | head -1 || true)
if [[ -z "$duckdb_jar" ]]; then
  ./mvnw -q -B dependency:copy -Dartifact=org.duckdb:duckdb_jdbc:1.4.4.0 -DoutputDirectory="$work/lib" >&2
  duckdb_jar=$(ls "$work"/lib/duckdb_jdbc-*.jar | head -1)
fi
cp="$DL_JAR:$DL_HOME/target/lib/*"
bench_cp="$cp:$DL_HOME/target/test-classes"
java_opts=(${DL_JAVA_OPTS:--Xmx4g} @"$DL_HOME/jobs/spark-java17.args")

# measure NAME COMMAND...: runs a command under /usr/bin/time; sets wall (s) and peak (MB) and keeps its output.
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" > "$work/$name.out" 2> "$work/$name.err" || {
    echo "bench: $name failed, see $work/$name.err" >&2; tail -5 "$work/$name.err" >&2; return 1; }
  read -r wall peak_kb < "$work/$name.time"
  peak=$(( peak_kb / 1024 ))
}

cores=$(nproc)
results="| tickets | returns | stock q. | job wall (s) | job rows/s | job peak RSS (MB) | floor rows/s (1 thread) | job s/row vs floor s/row ÷ $cores cores | DuckDB wall (s) | job vs DuckDB |
|---|---|---|---|---|---|---|---|---|---|"
texts="| tickets | source | texts | mean chars | distinct | distinct after cleaning |
|---|---|---|---|---|---|"
for n in $sizes; do
  returns=$(( n * 3 / 10 )); stock=$(( n / 10 ))
  data="$work/data-$n"
  generate=(--out "$data" --tickets "$n" --returns "$returns" --stock-questions "$stock" --seed 7 --realistic-texts)
  # The folder is made again when it was generated with other options (an older harness, other texts).
  if [[ ! -f "$data/tickets.csv" || "$(cat "$data.generated" 2>/dev/null)" != "${generate[*]}" ]]; then
    echo "bench: generating $n tickets..." >&2
    rm -rf "$data" "$data.generated"
    java -cp "$cp" nl.defenceline.cli.Main generate "${generate[@]}" >&2
    echo "${generate[*]}" > "$data.generated"
  fi
  java -cp "$bench_cp" nl.defenceline.bench.TextStats "$data" > "$work/texts-$n.out"
  cat "$work/texts-$n.out" >&2
  while IFS= read -r line; do
    # "tickets: 100000 texts, mean 118.3 chars, distinct 100.00 %, distinct after cleaning 100.00 %"
    read -r source count mean distinct cleaned < <(sed -E \
      's/^(.*): ([0-9]+) texts, mean ([0-9.]+) chars, distinct ([0-9.]+) %, distinct after cleaning ([0-9.]+) %$/\1|\2|\3|\4|\5/' \
      <<< "$line" | tr ' |' '_ ')
    texts="$texts
| $n | ${source//_/ } | $count | $mean | $distinct % | $cleaned % |"
  done < "$work/texts-$n.out"
  echo "bench: job on $n tickets..." >&2
  measure "job-$n" java "${java_opts[@]}" -cp "$cp" nl.defenceline.cli.Main run --input "$data" --output "$work/out-$n" \
    --max-reject-share 1
  job_wall=$wall; job_peak=$peak
  echo "bench: floor on $n tickets..." >&2
  measure "floor-$n" java -Xmx2g -cp "$bench_cp" nl.defenceline.bench.FloorBenchmark "$data/tickets.csv"
  floor_rate=$(grep -oP '= \K[0-9]+(?= rows/s)' "$work/floor-$n.out")
  echo "bench: duckdb on $n tickets..." >&2
  measure "duckdb-$n" java -Xmx4g -cp "$bench_cp:$duckdb_jar" nl.defenceline.bench.DuckDbBaseline "$data"
  duck_wall=$wall
  read -r job_rate ratio vs_duck < <(python3 -c "
n=$n; job=$job_wall; floor=$floor_rate; cores=$cores; duck=$duck_wall
job_rate = n / job
print(round(job_rate), round((job / n) / ((1 / floor) / cores), 2), round(job / duck, 1))")
  row="| $n | $returns | $stock | $job_wall | $job_rate | $job_peak | $floor_rate | $ratio | $duck_wall | ${vs_duck}x |"
  echo "$row"
  results="$results
$row"
done

# The job's step log (one "defence-line: STEP  SECONDS s" line per finished step on stderr), one column per size.
stages=$(python3 - "$work" $sizes <<'PY'
import re, sys
work, sizes = sys.argv[1], sys.argv[2:]
step = re.compile(r"^defence-line: (.*?)\s+(-?[0-9]+\.[0-9]+) s$")
order, times = [], {}
for n in sizes:
    with open(f"{work}/job-{n}.err", encoding="utf-8") as err:
        for line in err:
            m = step.match(line.rstrip("\n"))
            if m:
                name = m.group(1)
                if name not in order:
                    order.append(name)
                times[(name, n)] = times.get((name, n), 0.0) + float(m.group(2))
label = lambda n: f"{int(n) // 1000000}M" if int(n) % 1000000 == 0 else f"{int(n) // 1000}k"
print("| step | " + " | ".join(label(n) for n in sizes) + " |")
print("|---|" + "---|" * len(sizes))
for name in order:
    print(f"| {name} | " + " | ".join(f"{times[(name, n)]:.1f}" if (name, n) in times else "" for n in sizes) + " |")
print("| sum of the steps | " + " | ".join(f"{sum(t for (s, m), t in times.items() if m == n):.1f}" for n in sizes) + " |")
PY
)

{
  echo "# Benchmark results"
  echo
  echo "Generated by \`bench/run.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, $(java -version 2>&1 | head -1)."
  echo "Data: \`generate --seed 7 --realistic-texts\` (returns 30 %, stock questions 10 % of the tickets)."
  echo "Job: the full \`run\` (embedded Spark local[*], all reports) end to end including JVM and Spark start-up;"
  echo "peak RSS is the whole JVM (in local mode the driver and the executors share it)."
  echo "Floor: one thread, Commons CSV + the same model and text cleaning on tickets only."
  echo "DuckDB: SQL with keyword rules for the categories, the four aggregate reports, in-process JDBC."
  echo
  echo "$results"
  echo
  echo "## The texts"
  echo
  echo "Characters of subject and text per message, and the share of distinct texts as written and as the classifier"
  echo "sees them (\`TextCleaner.clean\`: no greeting, signature or quoted history, numbers masked); a repeated text"
  echo "would let a cache make the job look faster than on a real inbox. Return comments are short reason notes"
  echo "and repeat, as real ones do; they are not counted here."
  echo
  echo "$texts"
  echo
  echo "## Where the time goes (the job's step log, seconds)"
  echo
  echo "Each step as the job prints it when it finishes (\`defence-line: STEP SECONDS s\` on stderr). The datasets are"
  echo "lazy: a step's time includes the reading and classifying that its result is the first to need. The sources"
  echo "are read side by side, and the reports from complaint-sources.csv to HTML three at a time, so those steps"
  echo "overlap and their sum can exceed the wall time."
  echo
  echo "$stages"
} > bench/results.md
cat bench/results.md
