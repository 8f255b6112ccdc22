#!/usr/bin/env bash
# Runs every test of the portal: unit, integration, functional (WebApplicationFactory) and browser (Playwright
# with Debian's Chromium) on SQLite, then the integration and functional tests again on PostgreSQL
# (docs/adr/0040-postgresql-third-provider.md). Installs Chromium first where it is missing and apt-get is available.
# PostgreSQL: the server named by PARTNERSHIP_TEST_PG when set; otherwise a private cluster started (and stopped)
# by scripts/pg-test-cluster.sh, which installs Debian's postgresql when it can. PARTNERSHIP_TEST_PG=none skips
# the PostgreSQL pass (a warning is printed). PG_FUNCTIONAL_FILTER narrows the functional tests of that pass.
# Ends with one line "N passed, N failed, N skipped" summed over all test assemblies of both passes, and fails
# when either pass failed.
# Extra arguments go to dotnet test (both passes), e.g.: scripts/test.sh --filter "FullyQualifiedName~Catalog"
set -uo pipefail
cd "$(dirname "$0")/.."

if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing Debian's chromium (and Japanese fonts for screenshots)..."
    $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
  else
    echo "warning: Chromium is missing and apt-get is not available; the browser tests will fail. Set CHROMIUM_PATH." >&2
  fi
fi

# Test portals do not watch their settings files (each watcher takes one of the user's 128 inotify instances, and a
# test process keeps many portals open at once); PortalFactory sets the same for every test process.
# Their file providers poll rather than watch, for the same reason (asp-append-version watches the web root).
export DOTNET_hostBuilder__reloadConfigOnChange=false
export DOTNET_USE_POLLING_FILE_WATCHER=true
rm -f artifacts/security-summary*.txt
results=$(mktemp -d)
started_pg=""
cleanup() {
  [ -n "$started_pg" ] && bash scripts/pg-test-cluster.sh stop >/dev/null 2>&1
  rm -rf "$results"
}
trap cleanup EXIT

pg="${PARTNERSHIP_TEST_PG:-}"
if [ -z "$pg" ]; then
  if pg=$(bash scripts/pg-test-cluster.sh start); then
    started_pg=1
  else
    pg=""
  fi
fi

echo "== Build"
code=0
dotnet build Partnership.sln -nologo -v quiet 2>&1 | tee -a "$results/console.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || code=1
built=$((1 - code))

if [ "$built" -eq 1 ]; then
  echo "== SQLite: every test project"
  # Each assembly's summary line ("Passed!  - Failed: 0, Passed: 7, Skipped: 0, ...") is kept for the total: the TRX
  # files of assemblies finishing in the same second share a name and overwrite each other.
  PARTNERSHIP_TEST_PROVIDER=Sqlite dotnet test Partnership.sln --no-build --logger trx --results-directory "$results/sqlite" "$@" 2>&1 | tee -a "$results/console.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || code=1
else
  echo "The build failed; no test ran." >&2
fi

# The PostgreSQL pass runs after the SQLite pass: the SQLite pass alone keeps both cores busy
# (docs/adr/0059-test-hosts-templates-and-clocks.md).
if [ -z "$pg" ] || [ "$pg" = "none" ]; then
  echo "warning: no PostgreSQL server (set PARTNERSHIP_TEST_PG or install postgresql); the PostgreSQL pass did not run." >&2
elif [ "$built" -eq 1 ]; then
  echo "== PostgreSQL: integration and functional tests (side by side)"
  # The two assemblies run at once: the functional tests end on the security harness's long classes, which leave a
  # core free that the integration tests use (docs/adr/0059-test-hosts-templates-and-clocks.md).
  pids=()
  for project in tests/Partnership.IntegrationTests tests/Partnership.FunctionalTests; do
    filter=()
    if [ "$project" = tests/Partnership.FunctionalTests ] && [ -n "${PG_FUNCTIONAL_FILTER:-}" ]; then
      filter=(--filter "$PG_FUNCTIONAL_FILTER")
    fi
    (
      PARTNERSHIP_TEST_PROVIDER=PostgreSql PARTNERSHIP_TEST_PG="$pg" \
        dotnet test "$project" --no-build --logger trx --results-directory "$results/postgresql/${project##*/}" "${filter[@]}" "$@" 2>&1 | tee -a "$results/console.log"
      exit "${PIPESTATUS[0]}"
    ) &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do
    wait "$pid" || code=1
  done
fi

# Sum the summary line of every assembly of both passes.
total_passed=0; total_failed=0; total_skipped=0
while read -r failed passed skipped; do
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  total_skipped=$((total_skipped + skipped))
done < <(grep -aoE '(Passed|Failed|Skipped)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$results/console.log" 2>/dev/null \
  | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+)/\1 \2 \3/')
if [ "$code" -ne 0 ] && [ "$total_failed" -eq 0 ]; then
  # A build error or a crashed test host leaves no failed counter: still report a failure.
  total_failed=1
fi
# The security harness's own tally (tests/Partnership.FunctionalTests/Security), see docs/security.md.
cat artifacts/security-summary-*.txt 2>/dev/null
echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
exit "$code"
