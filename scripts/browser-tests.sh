#!/usr/bin/env bash
# Real Chromium (Debian's chromium and chromium-driver) driven by Selenium from PyPI: a person on a
# phone-sized window from sign-up to the next-day check-in, a red-flag intake, a clinician at a desk.
# Screenshots land in docs/screenshots/.
set -euo pipefail
if [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
python3 -c "import selenium, pytest, pypdf, axe_selenium_python" 2>/dev/null || python3 -m pip install -q selenium pytest "pypdf==7.1.1" "axe-selenium-python==2.1.6"
swift build --product liftback
cd tests/browser
python3 -m pytest -q -p no:cacheprovider
