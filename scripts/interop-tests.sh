#!/usr/bin/env bash
# Interop on the real binary: every example case's calendar (`liftback export ics`) is read by
# PyPI's icalendar (RFC 5545), and its FHIR bundle (`liftback export fhir`) is validated resource by
# resource with the FHIR R4 models of PyPI's fhir.resources (R4B), every reference resolving inside it.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/debug/liftback}
python3 -c "import icalendar" 2>/dev/null || python3 -m pip install -q "icalendar==7.3.2"
python3 -c "import fhir.resources.R4B" 2>/dev/null || python3 -m pip install -q "fhir.resources==8.3.0"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for case in examples/*.json; do
  name=$(basename "$case" .json)
  "$bin" export ics --case "$case" --days 14 >"$dir/$name.ics"
  "$bin" export fhir --case "$case" >"$dir/$name.fhir.json"
done
python3 - "$dir" <<'PY'
import pathlib, sys
import icalendar
failed = 0
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.ics")):
    raw = path.read_bytes()
    problems = []
    lines = raw.split(b"\r\n")
    if lines[-1] != b"" or any(b"\n" in line for line in lines):
        problems.append("lines must end in CRLF")
    if any(len(line) > 75 for line in lines):
        problems.append("a line is longer than 75 octets")
    calendar = icalendar.Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    uids = [str(e["UID"]) for e in events]
    if len(set(uids)) != len(uids):
        problems.append("UIDs repeat")
    for event in events:
        for field in ("DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"):
            if field not in event:
                problems.append(f"{event.get('UID')} has no {field}")
        alarms = event.walk("VALARM")
        if len(alarms) != 1 or "TRIGGER" not in alarms[0] or alarms[0]["ACTION"] != "DISPLAY":
            problems.append(f"{event.get('UID')} has no display reminder")
        days = (event.decoded("DTEND") - event.decoded("DTSTART")).days
        if days != 1:
            problems.append(f"{event.get('UID')} lasts {days} days")
    if calendar.get("VERSION") != "2.0" or "PRODID" not in calendar:
        problems.append("no VERSION 2.0 or PRODID")
    print(f"{path.stem}: {len(events)} events" + (": " + "; ".join(problems) if problems else ""))
    failed += bool(problems)
sys.exit(1 if failed else 0)
PY
python3 - "$dir" <<'PY'
import importlib, json, pathlib, sys
from collections import Counter
from fhir.resources.R4B.bundle import Bundle
failed = 0
def references(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "reference" and isinstance(item, str):
                yield item
            else:
                yield from references(item)
    elif isinstance(value, list):
        for item in value:
            yield from references(item)
# fhir.resources checks shapes and types, not the codes of required bindings: these are R4's.
required = {
    "Observation": [("status", {"registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown"})],
    "CarePlan": [("status", {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"}),
                 ("intent", {"proposal", "plan", "order", "option"})],
    "QuestionnaireResponse": [("status", {"in-progress", "completed", "amended", "entered-in-error", "stopped"})],
}
activity_status = {"not-started", "scheduled", "in-progress", "on-hold", "completed", "cancelled", "stopped", "unknown", "entered-in-error"}
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.fhir.json")):
    problems = []
    if json.loads(path.read_text())["type"] != "collection":
        problems.append("not a collection")
    document = json.loads(path.read_text())
    Bundle.model_validate(document)
    urls = [entry["fullUrl"] for entry in document["entry"]]
    if len(set(urls)) != len(urls):
        problems.append("full URLs repeat")
    kinds = Counter()
    for entry in document["entry"]:
        resource = entry["resource"]
        kind = resource["resourceType"]
        kinds[kind] += 1
        model = getattr(importlib.import_module(f"fhir.resources.R4B.{kind.lower()}"), kind)
        model.model_validate(resource)
        for field, codes in required.get(kind, []):
            if resource.get(field) not in codes:
                problems.append(f"{kind}.{field} is {resource.get(field)!r}")
        for activity in resource.get("activity", []) if kind == "CarePlan" else []:
            if activity["detail"]["status"] not in activity_status:
                problems.append(f"an activity's status is {activity['detail']['status']!r}")
        if entry["fullUrl"] != "urn:uuid:" + resource["id"]:
            problems.append(f"{kind} full URL is not its id")
        for reference in references(resource):
            if reference not in urls:
                problems.append(f"{kind} refers to {reference}, not in the bundle")
        if kind == "Observation" and resource["code"].get("text") == "Pain (0-10)":
            if resource["code"]["coding"][0] != {"system": "http://loinc.org", "code": "72514-3", "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported"}:
                problems.append("a pain Observation without LOINC 72514-3")
    if kinds["Patient"] != 1 or kinds["CarePlan"] != 1:
        problems.append("not one Patient and one CarePlan")
    print(f"{path.name}: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) + (": " + "; ".join(problems) if problems else ""))
    failed += bool(problems)
rich = json.loads((pathlib.Path(sys.argv[1]) / "reviewed-flag-and-overrides.fhir.json").read_text())
kinds = Counter(e["resource"]["resourceType"] for e in rich["entry"])
if not (kinds["Provenance"] == 4 and kinds["Practitioner"] == 1 and kinds["QuestionnaireResponse"] == 7):
    print("FAIL the reviewed case has", dict(kinds)); failed += 1
sys.exit(1 if failed else 0)
PY
echo "interop: every calendar read, every FHIR bundle valid"
