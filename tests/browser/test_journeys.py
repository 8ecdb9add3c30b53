"""A person from sign-up through intake, a logged session and the next-day check-in on a phone-sized
window, a red-flag intake, and a clinician through the caseload, in real Chromium."""
import os

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import SCREENSHOTS

PASSWORD = "correct horse battery"


def shot(driver, name):
    # The PostgreSQL run walks the same pages; the SQLite run alone keeps the README's screenshots.
    if os.environ.get("LIFTBACK_SCREENSHOTS") == "0":
        return
    os.makedirs(SCREENSHOTS, exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    width = driver.execute_script("return document.documentElement.clientWidth")
    if width > 500:
        driver.set_window_size(width, min(max(height, 700), 2400))
    driver.save_screenshot(os.path.join(SCREENSHOTS, name + ".png"))


def assert_page_is_accessible(driver):
    """lang on <html>, a device-width viewport, a label for every field, no sideways scrolling, and
    readable contrast (WCAG AA) for every piece of visible text."""
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    viewport = driver.find_element(By.CSS_SELECTOR, "meta[name=viewport]").get_attribute("content")
    assert "width=device-width" in viewport
    unlabelled = driver.execute_script(
        "return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))"
        ".filter(e => !e.closest('label') && !e.getAttribute('aria-label')).map(e => e.name)")
    assert unlabelled == [], unlabelled
    overflow = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
    low = driver.execute_script(CONTRAST_SCRIPT)
    assert low == [], f"text below WCAG AA contrast: {low[:5]}"
    if driver.execute_script("return document.documentElement.clientWidth") < 500:
        small = driver.execute_script(TAP_TARGET_SCRIPT)
        assert small == [], f"tap targets under 44 x 44 px: {small[:5]}"
    tiny = driver.execute_script(
        "return Array.from(document.querySelectorAll('figure.chart *, svg text')).filter(e => e.getClientRects().length"
        " && Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim())"
        " && e.getBoundingClientRect().height > 0 && parseFloat(getComputedStyle(e).fontSize)"
        " * (e.closest('svg') ? e.closest('svg').getBoundingClientRect().width / e.closest('svg').viewBox.baseVal.width : 1) < 12)"
        ".map(e => e.textContent.trim().slice(0, 20))")
    assert tiny == [], f"chart text under 12 px: {tiny[:5]}"
    assert_no_serious_axe_violation(driver)


def assert_no_serious_axe_violation(driver):
    """axe-core (PyPI's axe-selenium-python) in the real browser: no serious or critical violation."""
    from axe_selenium_python import Axe
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == [], f"axe-core on {driver.current_url}: {serious}"


# On a phone, every control a finger taps is at least 44 x 44 px: menu links, buttons, checkboxes
# with their labels, the summary that opens a detail. The 0-10 pain scale keeps its eleven numbers
# on one row, so each is 44 px tall and shares the row's width (at least 24 px wide, WCAG 2.5.8).
TAP_TARGET_SCRIPT = """
const small = [];
for (const e of document.querySelectorAll('nav a, nav button, main button, main a.button, label.check, label.pain span, summary')) {
  if (!e.getClientRects().length) continue;
  const r = e.getBoundingClientRect();
  const wide = e.matches('label.pain span') ? 24 : 44;
  if (r.height < 43.5 || r.width < wide) small.push(e.tagName + ' "' + e.textContent.trim().slice(0, 20) + '" ' + Math.round(r.width) + 'x' + Math.round(r.height));
}
for (const row of document.querySelectorAll('.painrow')) {
  const tops = new Set(Array.from(row.querySelectorAll('span')).map(e => Math.round(e.getBoundingClientRect().top)));
  if (tops.size > 1) small.push('a pain scale on ' + tops.size + ' rows');
}
return small;
"""


# Every visible element with its own text: the contrast of its colour against the first opaque
# background behind it (4.5:1, or 3:1 for large text), as WCAG 2 defines relative luminance.
CONTRAST_SCRIPT = """
function rgb(text) { const m = text.match(/[\\d.]+/g); return m ? m.map(Number) : [0, 0, 0, 1]; }
function luminance([r, g, b]) {
  const c = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}
function background(element) {
  for (let e = element; e; e = e.parentElement) {
    const c = rgb(getComputedStyle(e).backgroundColor);
    if (c.length < 4 || c[3] > 0.5) return c;
  }
  return [255, 255, 255];
}
const low = [];
for (const e of document.body.querySelectorAll('*')) {
  const own = Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
  if (!own || !e.getClientRects().length) continue;
  const style = getComputedStyle(e);
  if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
  const [a, b] = [luminance(rgb(style.color)), luminance(background(e))];
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
  const large = size >= 24 || (bold && size >= 18.66);
  if (ratio < (large ? 3 : 4.5)) low.push(e.tagName + ' "' + e.textContent.trim().slice(0, 30) + '" ' + ratio.toFixed(2));
}
return low;
"""


def fill(driver, name, value):
    field = driver.find_element(By.NAME, name)
    field.clear()
    field.send_keys(value)


def tap(driver, name, value):
    """Taps the visible label of a radio button or checkbox, as a finger would."""
    control = driver.find_element(By.CSS_SELECTOR, f"input[name='{name}'][value='{value}']")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", control)
    control.find_element(By.XPATH, "./ancestor::label").click()


def submit(driver, button=None):
    """Presses the page's main button (or `button`) and waits for the next page to load."""
    if button is None:
        buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, "main form button:not([name=back])") if b.is_displayed()]
        button = buttons[-1]
    page = driver.find_element(By.TAG_NAME, "html")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    WebDriverWait(driver, 15).until(left(page))


def left(page):
    """The old page is gone. Chromium sometimes answers a look at a node of a document that is being
    replaced with an inspector error instead of a stale-element one: both mean the page has changed."""
    def check(_driver):
        try:
            page.is_enabled()
            return False
        except WebDriverException:
            return True
    return check


def sign_up(driver, server, name, email):
    driver.get(server.url + "/signup")
    assert_page_is_accessible(driver)
    fill(driver, "name", name)
    fill(driver, "email", email)
    fill(driver, "password", PASSWORD)
    submit(driver)


def clinician_joins(driver, server, name, email):
    """The operator adds the clinician; the clinician opens the link and sets a password."""
    driver.get(server.add_clinician(name, email))
    assert "Set your password" in driver.page_source
    assert_page_is_accessible(driver)
    fill(driver, "password", PASSWORD)
    submit(driver)


def sign_in(driver, server, email):
    driver.get(server.url + "/signin")
    fill(driver, "email", email)
    fill(driver, "password", PASSWORD)
    submit(driver)


def api(server, method, path, body=None, token=None):
    """One JSON API call, for setting up what a test then walks through in the browser."""
    import json
    import urllib.request
    request = urllib.request.Request(server.url + "/api/v1" + path, data=json.dumps(body or {}).encode(), method=method,
                                     headers={"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", "Bearer " + token)
    return json.loads(urllib.request.urlopen(request).read() or b"{}")


def answer_every_question(driver, value):
    names = driver.execute_script(
        "return Array.from(new Set(Array.from(document.querySelectorAll('input[type=radio]')).map(e => e.name)))")
    for name in names:
        tap(driver, name, value)


def visible(driver, css):
    return [e for e in driver.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()]


def visible_scales(driver):
    """The names of the 0-10 scales on show (the radio buttons themselves are drawn as their labels)."""
    return [f.find_element(By.TAG_NAME, "input").get_attribute("name") for f in visible(driver, "fieldset.scale")]


def log_one_exercise_at_a_time(phone, server):
    """The log shows one exercise with Back and Next; a set ticked done starts the rest timer;
    what was tapped comes back after a reload; the save is on the last step alone."""
    phone.get(server.url + "/log")
    steps = phone.find_elements(By.CSS_SELECTOR, "form.stepped section[data-step]")
    assert len(steps) >= 2, "the log is not stepped"
    assert [s.is_displayed() for s in steps].count(True) == 1
    assert not visible(phone, "main form button[type=submit], main form button:not([type])")
    assert_page_is_accessible(phone)
    # The first exercise: its pain, a set ticked done, the rest counting down, skipped.
    first = visible_scales(phone)[0]
    tap(phone, first, "2")
    visible(phone, "button.tick")[0].click()
    assert visible(phone, ".restbar") and "Rest" in visible(phone, ".restbar")[0].text
    assert_page_is_accessible(phone)
    shot(phone, "03-log-session-phone")
    visible(phone, ".restbar button")[0].click()
    # A reload (a lost signal, a pocket tap) keeps the pain tapped.
    phone.refresh()
    assert "What you typed before is back" in phone.page_source
    assert phone.find_element(By.CSS_SELECTOR, f"input[name='{first}'][value='2']").is_selected()
    assert phone.find_elements(By.CSS_SELECTOR, "button.tick[aria-pressed=true]"), "the set ticked done is still ticked"
    for _ in range(len(steps) - 1):
        for name in visible_scales(phone):
            tap(phone, name, "1" if name == "after" else "2")
        nexts = [b for b in visible(phone, ".stepnav button") if b.text == "Next"]
        if not nexts:
            break
        nexts[0].click()
    for name in visible_scales(phone):
        tap(phone, name, "1" if name == "after" else "2")
    assert [b for b in visible(phone, ".stepnav button") if b.text == "Back"]
    submit(phone)


def test_person_journey_and_clinician(server, phone, desk):
    # Sign up and the intake wizard, red flags first.
    sign_up(phone, server, "Sam Lifter", "sam@example.org")
    assert "safety check" in phone.page_source
    assert_page_is_accessible(phone)
    shot(phone, "01-intake-red-flags")
    submit(phone)
    assert_page_is_accessible(phone)
    tap(phone, "answer", "local-ache")
    tap(phone, "answer", "worse-bending-twisting")
    tap(phone, "pain", "4")
    submit(phone)
    assert_page_is_accessible(phone)
    fill(phone, "weight-conventional-deadlift", "140")
    fill(phone, "reps-conventional-deadlift", "5")
    # Back, then on again: the answers and the weight typed are still there.
    submit(phone, phone.find_element(By.CSS_SELECTOR, "button[name=back]"))
    assert phone.find_element(By.CSS_SELECTOR, "input[name=answer][value=local-ache]").is_selected()
    submit(phone)
    assert phone.find_element(By.NAME, "weight-conventional-deadlift").get_attribute("value") == "140"
    submit(phone)
    assert "STarT Back" in phone.page_source
    assert_page_is_accessible(phone)
    answer_every_question(phone, "0")
    submit(phone)
    assert "Roland" in phone.page_source
    assert_page_is_accessible(phone)
    answer_every_question(phone, "0")
    submit(phone)

    # Today: the phase and why, the prescribed exercises with their reasons.
    assert phone.current_url.endswith("/today?welcome=1")
    assert "Settle" in phone.find_element(By.TAG_NAME, "h1").text
    assert phone.find_elements(By.CSS_SELECTOR, "article.card")
    assert_page_is_accessible(phone)
    shot(phone, "02-today-phone")

    # Logging a session, one exercise at a time: values are filled in, one pain tap per exercise.
    log_one_exercise_at_a_time(phone, server)
    assert "Session saved" in phone.page_source

    # The next day, the check-in question waits for them.
    server.restart("2026-12-08")
    sign_in(phone, server, "sam@example.org")
    assert "next-day question" in phone.page_source
    phone.get(server.url + "/check-in")
    assert "back to usual" in phone.page_source
    assert_page_is_accessible(phone)
    tap(phone, "nextDay", "settled")
    tap(phone, "pain", "2")
    shot(phone, "04-next-day-check-in-phone")
    submit(phone)
    assert "/today" in phone.current_url
    assert "next-day question" not in phone.page_source

    # A clinician creates an invite; the person joins; the caseload shows them with a status and reason.
    clinician_joins(desk, server, "Dr Ada Physio", "ada@example.org")
    assert "Caseload" in desk.page_source
    submit(desk)
    code = desk.find_element(By.CSS_SELECTOR, ".invite-code").text
    phone.get(server.url + "/join")
    fill(phone, "code", code)
    submit(phone)
    assert "linked with your clinician" in phone.page_source
    desk.get(server.url + "/caseload")
    rows = desk.find_elements(By.CSS_SELECTOR, "table.caseload tbody tr")
    assert len(rows) == 1 and "Sam Lifter" in rows[0].text
    assert_page_is_accessible(desk)
    shot(desk, "05-caseload-desk")
    rows[0].find_element(By.TAG_NAME, "a").click()
    assert "Timeline" in desk.page_source and "Change the plan" in desk.page_source
    assert_page_is_accessible(desk)
    shot(desk, "06-patient-desk")
    # The plan's versions open as a diff: what it was, what it became, who and why.
    desk.find_element(By.CSS_SELECTOR, "details.versions summary").click()
    assert "by Liftback" in desk.find_element(By.CSS_SELECTOR, "details.versions").text
    assert_page_is_accessible(desk)
    # An override: a note the engine passes to the person.
    notes = [f for f in desk.find_elements(By.CSS_SELECTOR, "form") if f.find_elements(By.CSS_SELECTOR, "input[value=note]")]
    notes[0].find_element(By.NAME, "note").send_keys("Lovely start, keep the walks going.")
    submit(desk, notes[0].find_element(By.TAG_NAME, "button"))
    assert "Saved" in desk.page_source
    phone.get(server.url + "/today")
    assert "Lovely start" in phone.page_source


def test_smallest_phone(server):
    """At 320 px: no sideways scroll, tap targets of 44 px, charts with readable axes and units, on
    every page a person uses, with a lift and pain reports logged so that the charts are drawn."""
    from conftest import make_driver

    def call(method, path, body, token=None):
        return api(server, method, path, body, token)

    call("POST", "/accounts", {"email": "kim@example.org", "password": PASSWORD, "name": "Kim", "role": "patient"})
    login = call("POST", "/auth/token", {"email": "kim@example.org", "password": PASSWORD})
    token, me = login["token"], login["accountId"]
    call("PUT", f"/patients/{me}/intake", {"date": "2026-11-02", "pattern": "muscular", "pain": 3,
         "previousWorkingWeights": [{"exercise": "conventional-deadlift", "weight": 140, "reps": 5}]}, token)
    for day, weight in (("2026-11-23", 70), ("2026-11-30", 75)):
        call("POST", f"/patients/{me}/workouts", {"date": day, "painDuring": 3, "painAfter": 2, "nextDay": "settled",
             "exercises": [{"exercise": "trap-bar-deadlift", "sets": [{"weight": weight, "reps": 8}] * 3}]}, token)
    call("POST", f"/patients/{me}/check-ins", {"date": "2026-12-01", "pain": 2}, token)
    driver = make_driver(320, 640, mobile=True)
    try:
        sign_in(driver, server, "kim@example.org")
        for path in ("/today", "/log", "/check-in", "/progress", "/settings", "/account", "/account/activity", "/join",
                     "/intake"):
            driver.get(server.url + path)
            assert_page_is_accessible(driver)
        driver.get(server.url + "/progress")
        assert driver.find_elements(By.CSS_SELECTOR, "figure.chart .y-axis")
        assert "kg" in driver.find_element(By.CSS_SELECTOR, "figure.chart .y-axis").text
        assert "Conventional deadlift" in driver.page_source
        shot(driver, "08-progress-320")
    finally:
        driver.quit()


def test_log_twice_offline_and_refused(server):
    """A session sent twice is stored once; one saved without a signal waits on the phone, says so,
    and is sent once when the network is back; a refused number is marked beside its field with
    everything typed kept."""
    from conftest import make_driver
    call = lambda method, path, body=None, token=None: api(server, method, path, body, token)
    call("POST", "/accounts", {"email": "lee.lifter@example.org", "password": PASSWORD, "name": "Lee", "role": "patient"})
    login = call("POST", "/auth/token", {"email": "lee.lifter@example.org", "password": PASSWORD})
    token, me = login["token"], login["accountId"]
    call("PUT", f"/patients/{me}/intake", {"date": "2026-11-02", "pattern": "muscular", "pain": 3}, token)
    sessions = lambda: len(call("GET", f"/patients/{me}/export", token=token)["case"]["workouts"])
    driver = make_driver(390, 844, mobile=True)
    try:
        sign_in(driver, server, "lee.lifter@example.org")
        # Twice: a double tap, or the form sent again, stores one session.
        driver.get(server.url + "/log")
        statuses = driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            const form = document.querySelector('form[action="/log"]');
            form.querySelector('input[name=after][value="1"]').checked = true;
            const send = () => fetch('/log', {method: 'POST', body: new URLSearchParams(new FormData(form))}).then(r => r.text().then(t => [r.status, r.url, t.slice(t.indexOf('<main'), t.indexOf('<main') + 600)]));
            send().then(a => send().then(b => done([a, b])));""")
        assert [s[0] for s in statuses] == [200, 200], statuses
        assert sessions() == 1, statuses
        # A refused number: the message beside the field, marked for screen readers, the input kept.
        driver.get(server.url + "/log")
        field = visible(driver, "section[data-step] input[type=number]")[0]
        name = field.get_attribute("name")
        fill(driver, name, "100000")
        tap(driver, visible_scales(driver)[0], "4")
        driver.execute_script("document.querySelector('input[name=after][value=\"1\"]').checked = true;"
                              "document.querySelector('form[action=\"/log\"]').submit()")
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "main .error[role=alert]"))
        refused = driver.find_element(By.NAME, name)
        assert refused.get_attribute("value") == "100000"
        assert refused.get_attribute("aria-invalid") == "true"
        assert driver.find_element(By.ID, refused.get_attribute("aria-describedby")).is_displayed()
        assert driver.find_elements(By.CSS_SELECTOR, "input[value='4']:checked")
        assert_page_is_accessible(driver)
        assert sessions() == 1
        fill(driver, name, "1")  # put right: the draft on the phone now holds 1
        # No signal: the save waits on the phone and says so; back online, it is sent once.
        driver.get(server.url + "/log")
        assert driver.find_element(By.NAME, name).get_attribute("value") == "1"
        driver.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
        WebDriverWait(driver, 10).until(lambda d: d.execute_script("return navigator.onLine === false"))
        driver.execute_script("document.querySelector('input[name=after][value=\"1\"]').checked = true;"
                              "document.querySelector('form[action=\"/log\"]').requestSubmit()")
        WebDriverWait(driver, 10).until(lambda d: visible(d, ".outbox"))
        assert "waiting on this phone" in visible(driver, ".outbox")[0].text
        assert sessions() == 1
        # The session ends meanwhile (a new sign-in later): the entry waits, then goes with the new session.
        driver.delete_all_cookies()
        driver.set_network_conditions(offline=False, latency=0, download_throughput=-1, upload_throughput=-1)
        driver.execute_script("window.dispatchEvent(new Event('online'))")
        import time
        time.sleep(1)
        assert sessions() == 1
        sign_in(driver, server, "lee.lifter@example.org")
        WebDriverWait(driver, 15).until(lambda d: sessions() == 2)
        WebDriverWait(driver, 10).until(lambda d: "saved now" in visible(d, ".outbox")[0].text if visible(d, ".outbox") else False)
        driver.refresh()
        assert sessions() == 2
        # Saved on the day the phone kept it with, not the server's day it arrived.
        import datetime
        days = [w["date"] for w in call("GET", f"/patients/{me}/export", token=token)["case"]["workouts"]]
        assert datetime.date.today().isoformat() in days, days
    finally:
        driver.quit()


def test_red_flag_intake_stops_calmly(server, phone):
    sign_up(phone, server, "Robin", "robin@example.org")
    tap(phone, "flag", "saddle-numbness")
    submit(phone)
    assert "emergency department" in phone.page_source
    assert_page_is_accessible(phone)
    shot(phone, "07-red-flag-stop-phone")
    phone.get(phone.current_url.split("/intake")[0] + "/today")
    assert "Your plan is paused" in phone.page_source
    assert not phone.find_elements(By.CSS_SELECTOR, "main a[href='/log']")


def test_pages_work_without_javascript(server):
    """Every form posts without script: the pages a test fetches over plain HTTP carry their CSRF fields."""
    import urllib.request
    page = urllib.request.urlopen(server.url + "/signin").read().decode()
    assert 'name="csrf"' in page and "<form" in page


def test_signed_out_pages(server, phone):
    """The pages anyone reaches before signing in pass the same checks, axe-core's included."""
    for path in ("/", "/signin", "/signup", "/set-password?token=nope", "/nowhere"):
        phone.get(server.url + path)
        assert_page_is_accessible(phone)


def test_printed_reports(server, desk):
    """The clinician's reports print on A4 as one page a person: the caseload's as many pages as
    people, one person's as one page, each holding the summary, questionnaires, load, flags and
    decisions (headless Chromium's own PDF, counted with pypdf)."""
    import base64
    import io
    from pypdf import PdfReader
    from selenium.webdriver.common.print_page_options import PrintOptions

    def call(method, path, body=None, token=None):
        return api(server, method, path, body, token)

    clinician_joins(desk, server, "Dr Lee Report", "lee@example.org")
    doctor = call("POST", "/auth/token", {"email": "lee@example.org", "password": PASSWORD})["token"]
    for name in ("Pat One", "Pat Two"):
        email = name.lower().replace(" ", ".") + "@example.org"
        call("POST", "/accounts", {"email": email, "password": PASSWORD, "name": name, "role": "patient"})
        login = call("POST", "/auth/token", {"email": email, "password": PASSWORD})
        token, me = login["token"], login["accountId"]
        code = call("POST", "/invites", token=doctor)["code"]
        call("POST", f"/invites/{code}/accept", token=token)
        call("PUT", f"/patients/{me}/intake", {"date": "2026-11-02", "pattern": "muscular", "pain": 4,
             "previousWorkingWeights": [{"exercise": "conventional-deadlift", "weight": 140, "reps": 5}]}, token)
        for day, weight in (("2026-11-16", 65), ("2026-11-23", 70), ("2026-11-30", 75)):
            call("POST", f"/patients/{me}/workouts", {"date": day, "painDuring": 3, "painAfter": 2, "nextDay": "settled",
                 "exercises": [{"exercise": "trap-bar-deadlift", "sets": [{"weight": weight, "reps": 8}] * 3}]}, token)
        call("POST", f"/patients/{me}/questionnaires",
             {"instrument": "odi", "date": "2026-11-02", "answers": [2, 2, 2, 2, 2, 2, 2, 2, 2, 2]}, token)
        call("POST", f"/patients/{me}/questionnaires",
             {"instrument": "odi", "date": "2026-12-01", "answers": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}, token)
        call("POST", f"/patients/{me}/check-ins", {"date": "2026-12-01", "pain": 2, "flags": ["numbness-tingling"]}, token)
        call("POST", f"/patients/{me}/clearances",
             {"flag": "numbness-tingling", "date": "2026-12-02", "note": "Seen: settled."}, doctor)

    def pages(path):
        desk.get(server.url + path)
        assert_page_is_accessible(desk)
        options = PrintOptions()
        options.page_width, options.page_height = 21.0, 29.7
        reader = PdfReader(io.BytesIO(base64.b64decode(desk.print_page(options))))
        return [page.extract_text() for page in reader.pages]

    every = pages("/caseload/report")
    assert len(every) == 2, [text[:80] for text in every]
    for text, name in zip(every, ("Pat One", "Pat Two")):
        for expected in (name, "Questionnaires", "Oswestry", "previous working weight", "reviewed and cleared",
                         "Decisions of the last 4 weeks", "does not diagnose"):
            assert expected in text, (expected, text[:400])
        assert "Sign out" not in text and "Print or save" not in text
    shot(desk, "09-report-desk")
    for path in ("/caseload", "/account", "/account/activity", "/nowhere"):
        desk.get(server.url + path)
        assert_page_is_accessible(desk)
    desk.get(server.url + "/caseload")
    desk.find_element(By.LINK_TEXT, "Pat One").click()
    desk.find_element(By.LINK_TEXT, "Printable report").click()
    one = pages(desk.current_url.replace(server.url, ""))
    assert len(one) == 1 and "Pat One" in one[0] and "Pat Two" not in one[0]
