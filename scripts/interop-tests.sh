#!/usr/bin/env bash
# Interop on the real binary: every example case's calendar (`liftback export ics`) is read by
# PyPI's icalendar (RFC 5545).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/debug/liftback}
python3 -c "import icalendar" 2>/dev/null || python3 -m pip install -q "icalendar==7.3.2"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for case in examples/*.json; do
  name=$(basename "$case" .json)
  "$bin" export ics --case "$case" --days 14 >"$dir/$name.ics"
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
echo "interop: every calendar read"
