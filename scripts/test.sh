#!/usr/bin/env bash
# Runs every test of the portal: unit, integration, functional (WebApplicationFactory) and browser (Playwright
# with Debian's Chromium). Installs Chromium first where it is missing and apt-get is available.
# Ends with one line "N passed, N failed, N skipped" summed over all test assemblies, and dotnet test's exit code.
# Extra arguments go to dotnet test, e.g.: scripts/test.sh --filter "FullyQualifiedName~Catalog"
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

rm -f artifacts/security-summary.txt
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
dotnet test Partnership.sln --logger trx --results-directory "$results" "$@"
code=$?

# Sum the counters of every assembly's TRX file (skipped tests are "notExecuted" there).
total_passed=0; total_failed=0; total_skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*' "$trx" | head -n 1)
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total_passed=$((total_passed + $(get passed)))
  total_failed=$((total_failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  total_skipped=$((total_skipped + $(get notExecuted)))
done
if [ "$code" -ne 0 ] && [ "$total_failed" -eq 0 ]; then
  # A build error or a crashed test host leaves no failed counter: still report a failure.
  total_failed=1
fi
# The security harness's own tally (tests/Partnership.FunctionalTests/Security), see docs/security.md.
[ -f artifacts/security-summary.txt ] && cat artifacts/security-summary.txt
echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
exit "$code"
