# Cases of `fltplay check` (sourced by cli-tests.sh; uses its `expect`). The lessons are under
# tests/lessons-format/: deny-write (a good lesson with its solution, a starter and a filter of
# its own), bad-lesson (mistakes in lesson.json), missing-source (a shipped filter is absent).
data="$here/data"
lessons="$here/../lessons-format"
good="$lessons/deny-write"

expect check-solution 0 "11 of 11 goals passed" -- check "$good"
expect check-solution-variants 0 "no-verifier: completed" -- check "$good"
expect check-starter 1 "FAIL  write-denied: The editor's write fails with STATUS_ACCESS_DENIED" -- check "$good" --solution "$good/starter.c"
expect check-starter-step 1 "inline, step 111: operation 2 of thread editor ended with STATUS_SUCCESS, not STATUS_ACCESS_DENIED" -- check "$good" --solution "$good/starter.c"
expect check-starter-summary 1 "5 of 11 goals passed" -- check "$good" --solution "$good/starter.c"
expect check-json 1 '"format":"fltplay-check","version":1,"lesson":"deny-write"' -- check "$good" --solution "$good/starter.c" --json
expect check-json-reason 1 '"reason":{"id":"lesson.reason.status"' -- check "$good" --solution "$good/starter.c" --json
expect check-variant 0 "in 1 variant(s)" -- check "$good" --variant pending
expect check-unknown-variant 3 'there is no variant named "nope"; the lesson has "inline", "pending", "no-verifier"' -- check "$good" --variant nope
expect check-not-compiling 2 "broken.c:6:39: error: expected ';'" -- check "$good" --solution "$data/broken.c"
expect check-not-compiling-json 2 '"status":"does_not_compile"' -- check "$good" --solution "$data/broken.c" --json
expect check-missing-solution 3 "nowhere.c: cannot read it" -- check "$good" --solution "$data/nowhere.c"
expect check-not-a-lesson 3 "lesson.json: cannot read it" -- check "$data"
expect check-bad-lesson 3 'bad-lesson/lesson.json:19:47: error: $.goals[0].functon: unknown field "functon"; did you mean "function"?' -- check "$lessons/bad-lesson"
expect check-bad-lesson-variant 3 'bad-lesson/lesson.json:21:102: error: $.goals[1].variants[0]: the scenario has no variant named "pendng"' -- check "$lessons/bad-lesson"
expect check-bad-lesson-json 3 '"status":"bad_input"' -- check "$lessons/bad-lesson" --json
expect check-missing-source 3 'cannot read the driver source "absent.c"' -- check "$lessons/missing-source"
expect check-lang 0 "11 of 11 goals passed" -- check "$good" --lang zh-Hans
expect check-bad-lang 3 "unknown locale" -- check "$good" --lang fr
expect check-nothing 3 "usage: fltplay check" -- check
expect check-two 3 "one lesson at a time" -- check "$good" "$good"
expect check-bad-option 3 "unknown option: '--fast'" -- check "$good" --fast
expect check-missing-value 3 "a value must follow: '--variant'" -- check "$good" --variant
expect check-help 0 "usage: fltplay check" -- check --help
