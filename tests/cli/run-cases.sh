# Cases of `fltplay run` and `fltplay lint` (sourced by cli-tests.sh; uses its `expect`).
data="$here/data"

expect lint-ok 0 "" -- lint "$data/pass.c"
expect lint-error 2 "broken.c:6:39: error: expected ';'" -- lint "$data/broken.c"
expect lint-json 2 '"severity":"error"' -- lint "$data/broken.c" --format json
expect lint-missing 3 "cannot read the driver source" -- lint "$data/nowhere.c"
expect lint-nothing 3 "usage: fltplay lint" -- lint
expect run-driver 0 "callback_enter" -- run "$data/pass.c"
expect run-driver-summary 0 "fltplay run: completed" -- run "$data/pass.c"
expect run-driver-irql 0 "PASSIVE_LEVEL" -- run "$data/pass.c"
expect run-driver-async 0 "DISPATCH_LEVEL" -- run "$data/pass.c" --variant asynchronous
expect run-driver-all 0 "== variant asynchronous ==" -- run "$data/pass.c" --all-variants
expect run-print-scenario 0 '"format":	"fltplay-scenario"' -- run "$data/pass.c" --print-scenario
expect run-scenario 0 "Upper: callback_enter" -- run "$data/two-filters.json"
expect run-scenario-json 0 '"format":"fltplay-trace"' -- run "$data/two-filters.json" --format json
expect run-scenario-all-json 0 '"format":"fltplay-runs"' -- run "$data/two-filters.json" --all-variants --format json
expect run-no-statements 0 "" -- run "$data/two-filters.json" --no-statements
expect run-unknown-variant 3 'there is no variant named "nope"; the scenario has "inline", "pending"' -- run "$data/two-filters.json" --variant nope
expect run-variant-and-all 3 "exclude each other" -- run "$data/two-filters.json" --variant inline --all-variants
expect run-bad-scenario 3 'bad-scenario.json:5:66: error: $.threads[0].ops[0].length: expected an integer' -- run "$data/bad-scenario.json"
expect run-missing-source 3 'cannot read the driver source "nowhere.c"' -- run "$data/missing-source.json"
expect run-missing-file 3 "cannot open it" -- run "$data/none.json"
expect run-not-compiling 2 "broken.c:6:39: error: expected ';'" -- run "$data/broken.c"
expect run-violation 1 "PRE-COMPLETE-2" -- run "$data/pending.c"
expect run-bad-format 3 "--format is text or json" -- run "$data/pass.c" --format xml
expect run-bad-option 3 "unknown option: '--fast'" -- run "$data/pass.c" --fast
expect run-missing-value 3 "a value must follow: '--variant'" -- run "$data/pass.c" --variant

# --trace writes the JSON trace, one file per variant when there are several.
expect run-trace 0 "" -- run "$data/two-filters.json" --trace "$work/one.json"
if grep -q '"format":"fltplay-trace"' "$work/one.json" 2>/dev/null; then echo "ok   run-trace-file"; passed=$((passed + 1));
else echo "FAIL run-trace-file: $work/one.json is not a trace"; failed=$((failed + 1)); fi
expect run-trace-all 0 "" -- run "$data/two-filters.json" --all-variants --trace "$work/all.json"
if [ -s "$work/all.inline.json" ] && [ -s "$work/all.pending.json" ]; then echo "ok   run-trace-files"; passed=$((passed + 1));
else echo "FAIL run-trace-files: all.inline.json and all.pending.json missing"; failed=$((failed + 1)); fi
