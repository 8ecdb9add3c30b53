#!/usr/bin/env bash
# The command line's contract (shared/contract.md section 1), checked on the real binary:
# JSON on standard output and exit 0 on success; on bad input a non-zero exit, a message on
# standard error that names the item, and nothing on standard output.
set -uo pipefail
bin=${1:-.build/debug/liftback}
passed=0
failed=0
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

ok() {  # ok NAME JSON-CHECK -- ARGS...: must exit 0 and print JSON that the python check accepts
  local name=$1 check=$2; shift 3
  if "$bin" "$@" >"$out" 2>"$err" && python3 -c "import json,sys; d=json.load(open('$out')); sys.exit(0 if ($check) else 1)"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAIL $name: $(head -c 300 "$out") $(cat "$err")"
  fi
}

refused() {  # refused NAME TEXT -- ARGS...: must exit non-zero, stdout empty, stderr containing TEXT
  local name=$1 text=$2; shift 3
  "$bin" "$@" >"$out" 2>"$err"; local rc=$?
  if [ $rc -ne 0 ] && [ ! -s "$out" ] && grep -q -- "$text" "$err"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAIL $name: rc=$rc stdout=$(head -c 200 "$out") stderr=$(cat "$err")"
  fi
}

ok "startback" "d['score']==5 and d['psychosocial']==3 and d['category']=='medium'" -- score startback --answers 1,0,0,1,0,1,1,0,3
ok "odi one missing" "d['score']==31.1 and d['category']=='moderate'" -- score odi --answers 1,2,3,-,2,2,1,0,1,2
ok "rmdq" "d['score']==3" -- score rmdq --answers 1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0
ok "tsk11" "d['score']==22" -- score tsk11 --answers 2,2,2,2,2,2,2,2,2,2,2
ok "fabq" "d['physicalActivity']==8 and d['work']==0" -- score fabq --answers 6,2,2,2,2,0,0,6,0,0,0,0,6,6,0,6
ok "psfs" "d['score']==4.7" -- score psfs --answers 3,5,6
ok "triage emergency" "d['disposition']=='emergency' and d['reasons']" -- triage --flags saddle-numbness,fever
ok "triage weak flag" "d['disposition']=='proceed' and d['notes']" -- triage --flags age-over-50
ok "triage list" "len(d)>=17" -- triage --list
ok "catalog" "len(d['exercises'])>=40" -- catalog
ok "next" "d['exercises'][0]['weight']==75 and d['exercises'][0]['decision']=='progress'" -- next --case examples/contract-example.json
ok "next red flag" "d['disposition']=='clinician' and all('weight' not in e for e in d['exercises'])" -- next --case examples/red-flag-in-check-in.json
ok "baseline" "d[0]['estimatedMax']['epley']>0" -- baseline --case examples/climbing-symptoms.json

refused "startback item 9" "item 9" -- score startback --answers 1,0,0,1,0,1,1,0,5
refused "odi two missing" "not computable" -- score odi --answers 1,-,3,-,2,2,1,0,1,2
refused "wrong count" "expected 24 answers" -- score rmdq --answers 1,0
refused "not a number" "item 2" -- score tsk11 --answers 1,x,1,1,1,1,1,1,1,1,1
refused "unknown instrument" "unknown instrument" -- score sf36 --answers 1
refused "unknown flag" "sore-toe" -- triage --flags fever,sore-toe
refused "missing case" "cannot read" -- next --case /no/such/case.json
bad=$(mktemp --suffix=.json)
sed 's/"painAfter": 3/"painAfter": 11/' examples/contract-example.json >"$bad"
refused "pain 11" "workouts\[0\].painAfter" -- next --case "$bad"
sed 's/"trap-bar-deadlift"/"sumo-spine-crusher"/' examples/contract-example.json >"$bad"
refused "unknown exercise" "unknown exercise" -- next --case "$bad"
sed 's/"2026-11-30"/"2026-11-31"/' examples/contract-example.json >"$bad"
refused "not a date" "workouts\[0\].date" -- next --case "$bad"
rm -f "$bad"

if "$bin" next --case - <examples/contract-example.json | python3 -c "import json,sys; json.load(sys.stdin)"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); echo "FAIL next from standard input"
fi

# Importing exports: the repository's own small ones, one per dialect (Tests/Fixtures/imports).
fixtures=$(dirname "$0")/../Tests/Fixtures/imports
ok "import hevy lb" "d['format']=='hevy' and d['sourceUnit']=='lb' and d['workouts'] and d['baseline']" -- \
  import "$fixtures/hevy-lb.csv" --unit kg
ok "import strong unit named" "d['format']=='strong' and d['unit']=='lb'" -- \
  import "$fixtures/strong-comma-no-unit.csv" --unit lb --source-unit lb
refused "import strong without unit" "source-unit" -- import "$fixtures/strong-comma-no-unit.csv"
refused "import missing file" "cannot read the export" -- import /nonexistent/export.csv

# Adding clinicians (contract section 5): to the server's database, which must exist.
admin=$(mktemp -d)
"$bin" admin seed-load --database "$admin/liftback.sqlite" --patients 1 --weeks 1 --today 2026-12-01 >/dev/null 2>&1
ok "add-clinician" "d['accountId'] and len(d['setPasswordToken'])>=40 and d['expiresAt'].endswith('Z')" -- \
  admin add-clinician --database "$admin/liftback.sqlite" --email new@clinic.test --name "Dr New"
refused "add-clinician twice" "exists already" -- \
  admin add-clinician --database "$admin/liftback.sqlite" --email NEW@clinic.test --name "Dr New"
refused "add-clinician bad email" "email" -- \
  admin add-clinician --database "$admin/liftback.sqlite" --email not-an-email --name "Dr New"
ok "reset-link" "len(d['setPasswordToken'])>=40 and 'accountId' not in d" -- \
  admin reset-link --database "$admin/liftback.sqlite" --email new@clinic.test
refused "reset-link unknown" "no account" -- admin reset-link --database "$admin/liftback.sqlite" --email nobody@clinic.test
refused "admin without the database" "there is no file" -- \
  admin add-clinician --database "$admin/typo.sqlite" --email other@clinic.test --name "Dr Other"
[ ! -e "$admin/typo.sqlite" ] || { failed=$((failed + 1)); echo "FAIL a mistyped database was created"; }
rm -rf "$admin"

echo "cli-contract: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
