/// The stylesheet and the one small script, served by the app. Pages work without the script.
enum Assets {
    static let css = """
        :root { --ink: #1b2430; --muted: #4a5563; --accent: #0b5cad; --ok: #1d6b34; --warn: #8a4b00; --stop: #a3201b; --bg: #f7f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 17px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--bg); }
        header.top { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: center; justify-content: space-between; padding: .25rem .75rem; background: #fff; border-bottom: 1px solid #d8dde3; }
        .brand { font-weight: 700; color: var(--accent); text-decoration: none; font-size: 1.2rem; }
        nav { display: flex; flex-wrap: wrap; gap: 0 .15rem; align-items: center; }
        nav a, nav button.link { display: inline-flex; align-items: center; justify-content: center; min-height: 44px; min-width: 44px; padding: 0 .35rem; color: var(--accent); }
        .brand { display: inline-flex; align-items: center; min-height: 44px; }
        main { padding: 1rem; margin: 0 auto; }
        main.narrow { max-width: 40rem; }
        main.wide { max-width: 72rem; }
        footer { color: var(--muted); font-size: .9rem; padding: 1rem; max-width: 40rem; margin: 0 auto; }
        h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
        h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
        .card { background: #fff; border: 1px solid #d8dde3; border-radius: .6rem; padding: 1rem; margin: .75rem 0; }
        .dose { font-size: 1.15rem; font-weight: 600; }
        .why { color: var(--muted); margin: .25rem 0 0; }
        .badge { display: inline-block; padding: .05rem .5rem; border-radius: 1rem; font-size: .85rem; font-weight: 600; background: #e6ebf1; color: var(--ink); white-space: nowrap; }
        .badge.progress, .badge.on-track { background: #dff0e4; color: var(--ok); }
        .badge.regress, .badge.flaring { background: #fbe9d7; color: var(--warn); }
        .last-session { display: block; color: var(--muted); font-size: .85rem; }
        .badge.stop, .badge.red-flag { background: #f9dedc; color: var(--stop); }
        .badge.emergency { background: var(--stop); color: #fff; }
        .badge.stalled { background: #ece6f6; color: #4b2c83; }
        .alert { border-left: 4px solid var(--warn); background: #fff7ee; padding: .75rem 1rem; margin: .75rem 0; border-radius: .3rem; }
        .alert.red-flag { border-color: var(--stop); background: #fdf0ef; }
        .alert.flag-reviewed { border-color: var(--ok); background: #eef7f0; }
        .card.done { border-left: 4px solid var(--ok); }
        .missed { color: var(--muted); }
        .flash { background: #e8f3ea; border-left: 4px solid var(--ok); padding: .6rem 1rem; border-radius: .3rem; }
        .problem { background: #fdf0ef; border-left: 4px solid var(--stop); padding: .6rem 1rem; border-radius: .3rem; font-weight: 600; }
        label { display: block; margin: .6rem 0; font-weight: 600; }
        label.check, label.pain { font-weight: 400; }
        label.check { display: flex; align-items: center; gap: .6rem; min-height: 44px; margin: .2rem 0; }
        label.check input { flex: none; width: 1.4rem; height: 1.4rem; margin: 0; }
        input[type=text], input[type=email], input[type=password], input[type=number], input[type=date], select, textarea {
            display: block; width: 100%; max-width: 100%; margin-top: .25rem; padding: .6rem; font-size: 1rem; border: 1px solid #8a94a3; border-radius: .4rem; background: #fff; color: var(--ink); }
        button, .button { font-family: inherit; display: inline-block; min-height: 44px; min-width: 44px; padding: .7rem 1.2rem; font-size: 1rem; font-weight: 600; color: #fff; background: var(--accent); border: 0; border-radius: .5rem; cursor: pointer; text-decoration: none; }
        .button.call { background: var(--stop); font-size: 1.15rem; min-width: 12rem; text-align: center; }
        button.link { background: none; color: var(--accent); padding: 0; font-weight: 400; text-decoration: underline; }
        button.secondary { background: none; color: var(--accent); border: 2px solid var(--accent); }
        code.address { word-break: break-all; }
        form.inline { display: inline; }
        fieldset { border: 1px solid #d8dde3; border-radius: .5rem; margin: .75rem 0; padding: .5rem .75rem; min-width: 0; }
        legend { font-weight: 600; padding: 0 .25rem; }
        .painrow { display: grid; grid-template-columns: repeat(11, minmax(0, 1fr)); gap: 2px; }
        fieldset.scale { border: 0; padding: .25rem 0; margin: .5rem 0; }
        label.pain { margin: 0; }
        label.pain input { position: absolute; opacity: 0; width: 1px; height: 1px; }
        label.pain span { display: flex; align-items: center; justify-content: center; min-height: 44px; padding: 0; text-align: center; border: 1px solid #8a94a3; border-radius: .4rem; background: #fff; }
        label.pain input:checked + span { background: var(--accent); color: #fff; border-color: var(--accent); }
        label.pain input:focus-visible + span { outline: 3px solid #f0b400; }
        .setrow { display: grid; grid-template-columns: 1fr 1fr; gap: .5rem; }
        .error { display: block; color: var(--stop); font-weight: 600; }
        table { width: 100%; border-collapse: collapse; background: #fff; }
        th, td { text-align: left; padding: .5rem; border-bottom: 1px solid #e1e5ea; vertical-align: top; }
        .muted { color: var(--muted); }
        details.how .figures { display: flex; gap: 1rem; flex-wrap: wrap; align-items: flex-end; }
        details.how figure { margin: .25rem 0; text-align: center; font-size: .85rem; color: var(--muted); }
        svg.figure { display: block; height: 7rem; width: auto; max-width: 100%; }
        form.stepped section[data-step]:not(.current) { display: none; }
        details.versions summary h2 { display: inline; }
        ol.versions { padding-left: 1.2rem; } ol.versions h3 { font-size: 1rem; margin: .8rem 0 .3rem; }
        ol.versions del { color: var(--muted); } ol.versions ins { text-decoration: none; font-weight: 600; }
        .stepnav { display: flex; gap: .75rem; align-items: center; margin-top: 1rem; }
        .set { border-top: 1px solid #e1e5ea; padding-top: .5rem; margin-top: .5rem; }
        .set.done { background: #eef7f0; }
        button.tick[aria-pressed=true] { background: var(--ok); color: #fff; border-color: var(--ok); }
        .restbar { position: fixed; left: 0; right: 0; top: 0; z-index: 10; display: flex; gap: 1rem; align-items: center; justify-content: space-between; padding: .6rem 1rem; background: #fff; border-bottom: 2px solid var(--accent); font-size: 1.15rem; font-weight: 600; }
        [hidden] { display: none !important; }
        .follow { font-size: 1.3rem; font-weight: 700; color: var(--accent); min-height: 1.5em; margin: .3rem 0; }
        .outbox { background: #fff7ee; border-left: 4px solid var(--warn); padding: .6rem 1rem; border-radius: .3rem; }
        summary { min-height: 44px; padding: .55rem 0; cursor: pointer; }
        figure.chart { margin: .75rem 0 1.25rem; max-width: 40rem; }
        figure.chart .plot { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: .2rem .4rem; }
        figure.chart .plot svg { width: 100%; height: auto; background: #fff; border: 1px solid #d8dde3; border-radius: .3rem; overflow: visible; }
        figure.chart .y-axis { display: flex; flex-direction: column; justify-content: space-between; text-align: right; font-size: .8rem; color: var(--muted); white-space: nowrap; }
        figure.chart .x-axis { display: flex; justify-content: space-between; font-size: .8rem; color: var(--muted); }
        figure.chart .legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .9rem; margin: .4rem 0 .2rem; }
        .cards { display: grid; gap: .75rem; }
        @media (min-width: 48rem) { .cards { grid-template-columns: 1fr 1fr; } }
        table.compact th, table.compact td { padding: .25rem .4rem; }
        ul.compact { margin: .25rem 0; padding-left: 1.2rem; }
        .small { font-size: .85rem; }
        article.report { background: #fff; border: 1px solid #d8dde3; border-radius: .5rem; padding: 1rem 1.25rem; margin: 1rem 0; }
        article.report h1 { margin: 0; }
        article.report h2 { font-size: 1.05rem; margin: .9rem 0 .3rem; }
        @page { size: A4; margin: 14mm; }
        @media print {
          header.top, footer, .no-print { display: none !important; }
          body { background: #fff; font-size: 9pt; }
          main, main.wide, main.narrow { padding: 0; max-width: none; }
          article.report { border: 0; padding: 0; margin: 0; break-after: page; }
          article.report:last-of-type { break-after: auto; }
          figure.chart { margin: .2rem 0; break-inside: avoid; }
          figure.chart .plot svg { max-height: 30mm; }
          figure.chart .legend { margin: .1rem 0; }
          article.report p { margin: .25rem 0; }
          article.report h2 { margin: .5rem 0 .2rem; font-size: 11pt; }
          article.report table { font-size: 8.5pt; }
          article.report td.day { white-space: nowrap; }
          tr { break-inside: avoid; }
        }
        @media (max-width: 22.5rem) { main { padding: .5rem; } .card { padding: .6rem; } fieldset { padding: .4rem .5rem; } .painrow { gap: 1px; } }
        """

    /// Progressive enhancement for one-tap logging: tapping a pain number on a set moves focus to the
    /// next set's scale. Without it the form works the same.
    static let js = """
        // "Go back" links return to the page before (no script in the page itself: the policy allows none).
        document.querySelectorAll('a[data-back]').forEach(function (link) {
          link.addEventListener('click', function (event) { if (history.length > 1) { event.preventDefault(); history.back(); } });
        });
        // A report's print button (without the script, the browser's own Print works the same).
        document.querySelectorAll('[data-print]').forEach(function (button) {
          button.addEventListener('click', function () { window.print(); });
        });
        // The person's time zone travels with the intake, so that "today" is their day.
        document.querySelectorAll('input[name="tz"]').forEach(function (input) {
          try { input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) {}
        });
        document.addEventListener('change', function (event) {
          var input = event.target;
          if (!input.matches || !input.matches('.painrow input')) return;
          var sets = Array.prototype.slice.call(document.querySelectorAll('fieldset.scale')).filter(function (s) { return s.offsetParent !== null; });
          var index = sets.indexOf(input.closest('fieldset.scale'));
          var next = sets[index + 1];
          if (next) { var first = next.querySelector('input'); if (first) first.focus({ preventScroll: false }); }
        });

        // Offline: pages a person opened are kept by a service worker, so the log opens in a basement.
        // What this phone keeps (drafts, entries waiting for a signal) belongs to the person signed in
        // (`data-who`, a tag of their account that names nobody); another person's pages never show it.
        var WHO = document.body.getAttribute('data-who') || '';
        var DRAFT = 'liftback-draft:' + WHO + ':', OUTBOX = 'liftback-outbox', SENT = 'liftback-sent';
        function read(key, fallback) { try { return JSON.parse(localStorage.getItem(key)) || fallback; } catch (e) { return fallback; } }
        function write(key, value) { try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) {} }
        function forget(key) { try { localStorage.removeItem(key); } catch (e) {} }
        function dropPages() { if (window.caches) caches.keys().then(function (keys) { keys.forEach(function (k) { caches.delete(k); }); }); }
        if ('serviceWorker' in navigator && WHO && document.querySelector('nav a[href="/log"]')) {
          navigator.serviceWorker.register('/sw.js').catch(function () {});
        }
        // Signed out, however it happened (the link, every device, a new password, a session that
        // ended): the kept pages go. Signing out here, or deleting the account, forgets everything.
        if (!WHO) dropPages();
        document.querySelectorAll('form[action="/signout"], form[action="/account/delete"]').forEach(function (form) {
          form.addEventListener('submit', function () { try { localStorage.clear(); } catch (e) {} dropPages(); });
        });
        if (/[?&](logged|checked)=/.test(location.search)) { forget(DRAFT + '/log'); forget(DRAFT + '/check-in'); }
        function newToken() {
          return window.crypto && crypto.randomUUID ? crypto.randomUUID() : Date.now() + '-' + Math.random().toString(36).slice(2);
        }
        function isoDay(date) {
          return date.getFullYear() + '-' + ('0' + (date.getMonth() + 1)).slice(-2) + '-' + ('0' + date.getDate()).slice(-2);
        }

        var restoredTicks = {};  // the sets ticked done in a draft of the log that was restored
        // Nothing typed is lost: each change to a session or check-in is kept on the phone until it is saved.
        document.querySelectorAll('form[action="/log"], form[action="/check-in"]').forEach(function (form) {
          var action = form.getAttribute('action'), key = DRAFT + action;
          var skip = { csrf: 1, submission: 1, count: 1, date: 1 };
          // A page opened from the phone's copy carries a submission token already sent: a new
          // entry gets a new one, so that it is not taken for the one sent before.
          var token = form.elements.submission;
          if (token && read(SENT, []).indexOf(token.value) >= 0) token.value = newToken();
          function save() {
            var values = {};
            Array.prototype.forEach.call(form.elements, function (e) {
              if (!e.name || skip[e.name] || e.type === 'hidden' && e.name.indexOf('ex-') !== 0 && e.name.indexOf('d-') !== 0) return;
              if (e.type === 'radio' || e.type === 'checkbox') { if (e.checked) (values[e.name] = values[e.name] || []).push(e.value); }
              else values[e.name] = [e.value];
            });
            write(key, { at: Date.now(), values: values });
          }
          var draft = read(key, null);
          var refused = document.querySelector('main .error[role=alert]');
          if (draft && !refused && Date.now() - draft.at < 12 * 3600 * 1000) {
            var same = Object.keys(draft.values).filter(function (n) { return n.indexOf('ex-') === 0; }).every(function (n) {
              var field = form.elements[n]; return field && field.value === draft.values[n][0];
            });
            if (same) {
              if (action === '/log') restoredTicks = draft.values;
              Array.prototype.forEach.call(form.elements, function (e) {
                if (!e.name || skip[e.name] || e.type === 'hidden') return;
                var kept = draft.values[e.name];
                if (e.type === 'radio' || e.type === 'checkbox') e.checked = !!kept && kept.indexOf(e.value) >= 0;
                else if (kept) e.value = kept[0];
              });
              var note = document.createElement('p');
              note.className = 'flash'; note.setAttribute('role', 'status');
              note.textContent = 'What you typed before is back. Nothing was saved yet.';
              form.parentNode.insertBefore(note, form);
            }
          }
          form.addEventListener('input', save);
          form.addEventListener('change', save);
          form.addEventListener('submit', function (event) {
            if (token) write(SENT, read(SENT, []).concat([token.value]).slice(-50));
            if (navigator.onLine !== false) return;
            // No network: the entry waits on the phone with the day it was done, and is sent once
            // (its submission token) when the signal is back.
            event.preventDefault();
            var body = new URLSearchParams(new FormData(form));
            var day = new Date();
            if (body.get('day') === 'yesterday') day.setDate(day.getDate() - 1);
            body.set('date', isoDay(day));
            write(OUTBOX, read(OUTBOX, []).concat([{ who: WHO, action: action, body: body.toString(), at: Date.now() }]));
            forget(key);
            showOutbox();
          });
        });

        function mine() { return read(OUTBOX, []).filter(function (item) { return item.who === WHO; }); }
        function without(item) { write(OUTBOX, read(OUTBOX, []).filter(function (other) { return other.at !== item.at || other.body !== item.body; })); }
        var outboxNote = '';
        function showOutbox(note) {
          if (note !== undefined) outboxNote = note;
          var count = WHO ? mine().length : 0;
          document.querySelectorAll('.outbox').forEach(function (p) {
            p.hidden = count === 0 && !outboxNote;
            p.textContent = count === 0 ? outboxNote : count === 1
              ? 'One entry is waiting on this phone; it is sent as soon as you are back online.'
              : count + ' entries are waiting on this phone; they are sent as soon as you are back online.';
          });
        }
        // Back into its form, as a draft to check and save again, with a word on the page.
        function backToForm(item, words) {
          var values = {};
          new URLSearchParams(item.body).forEach(function (value, name) { (values[name] = values[name] || []).push(value); });
          write(DRAFT + item.action, { at: Date.now(), values: values });
          without(item);
          showOutbox(words);
        }
        function send(item, body) {
          return fetch(item.action, { method: 'POST', body: body, credentials: 'same-origin',
                                      headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
        }
        var flushing = false;
        function flush() {
          var queue = mine();
          if (!WHO || !queue.length || navigator.onLine === false || flushing) { showOutbox(); return; }
          var item = queue[0];
          flushing = true;
          function done(next) { flushing = false; if (next) flush(); }
          send(item, item.body).then(function answered(response, retried) {
            // Sent (or sent before: the same submission is stored once): the server says so in the
            // address it sends the person on to. Any other page means it was not taken as it was.
            if (response.ok && /[?&](logged|checked)=/.test(response.url)) {
              without(item);
              showOutbox(mine().length ? undefined : 'Everything kept on this phone is saved now.');
              return done(true);
            }
            // The session the entry was made in has ended: a fresh form's token, then once more.
            if (response.status === 403 && retried !== true) {
              return fetch(item.action, { credentials: 'same-origin' }).then(function (page) { return page.text(); }).then(function (html) {
                var fresh = html.match(/name="csrf" value="([^"]+)"/);
                if (!fresh) return done(false);
                var body = new URLSearchParams(item.body);
                body.set('csrf', fresh[1]);
                item.body = body.toString();
                write(OUTBOX, read(OUTBOX, []).map(function (other) { return other.at === item.at ? item : other; }));
                return send(item, item.body).then(function (again) { return answered(again, true); });
              });
            }
            // Refused as it was (a number past a limit, a day too long ago): back into its form.
            if (response.status === 400 || response.status === 403 || response.status === 422) {
              backToForm(item, 'An entry kept on this phone could not be saved as it was: open it again to check it and save.');
              return done(true);
            }
            if (response.ok && response.url.indexOf('/signin') < 0) {
              backToForm(item, 'An entry kept on this phone could not be saved as it was: open it again to check it and save.');
              return done(true);
            }
            done(false);  // the sign-in page, or the server busy: it waits for the next try
          }).catch(function () { done(false); showOutbox(); });
        }
        window.addEventListener('online', flush);
        flush();

        // One exercise at a time: the log shows one card, with Back and Next, the save on the last.
        // The server checks every value and marks the field at fault, so the browser's own checks
        // (which cannot point at a field on a hidden step) are left to it.
        document.querySelectorAll('form[action="/log"]').forEach(function (form) {
          var steps = Array.prototype.slice.call(form.querySelectorAll('section[data-step]'));
          if (steps.length < 2) return;
          var save = form.querySelector('button:not([type=button])');
          form.noValidate = true;
          form.classList.add('stepped');
          steps.forEach(function (section, index) {
            var bar = document.createElement('p');
            bar.className = 'stepnav';
            var count = document.createElement('span');
            count.className = 'muted';
            count.textContent = (index + 1) + ' of ' + steps.length;
            if (index > 0) bar.appendChild(button('Back', 'secondary', function () { show(index - 1); }));
            if (index < steps.length - 1) bar.appendChild(button('Next', '', function () { show(index + 1); }));
            bar.appendChild(count);
            section.appendChild(bar);
          });
          function show(index) {
            steps.forEach(function (s, i) { s.classList.toggle('current', i === index); });
            save.hidden = index !== steps.length - 1;
            var heading = steps[index].querySelector('h2');
            if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
          }
          // A refused form opens on the step that holds the field at fault.
          var fault = form.querySelector('[aria-invalid=true]');
          var faultStep = fault ? steps.indexOf(fault.closest('section[data-step]')) : -1;
          show(faultStep >= 0 ? faultStep : 0);
          // Tick a set done: the rest timer starts. The numbers in the boxes are what is saved.
          steps.forEach(function (section) {
            var sets = section.querySelectorAll('.set');
            if (sets.length) {
              var hint = document.createElement('p');
              hint.className = 'muted';
              hint.textContent = 'Tick a set when it is done to start your rest. What the boxes say is what is saved.';
              sets[0].parentNode.insertBefore(hint, sets[0]);
            }
            sets.forEach(function (set) {
              // The tick is kept with the draft (a hidden d-exercise-set field the server ignores),
              // so a reload or a refused save shows the sets already done.
              var amount = set.querySelector('input[name^="r-"]');
              var done = document.createElement('input');
              done.type = 'hidden'; done.name = amount ? 'd-' + amount.name.slice(2) : '';
              set.appendChild(done);
              var kept = restoredTicks[done.name];
              function mark(on) {
                set.classList.toggle('done', on);
                tick.setAttribute('aria-pressed', on ? 'true' : 'false');
                done.value = on ? '1' : '';
              }
              var tick = button('Set done', 'secondary tick', function () {
                mark(!set.classList.contains('done'));
                form.dispatchEvent(new Event('change'));
                if (set.classList.contains('done')) rest(Number(section.getAttribute('data-rest')) || 60);
              });
              set.insertBefore(tick, set.firstChild.nextSibling);
              mark(!!kept && kept[0] === '1');
            });
          });
        });

        function button(text, className, onClick) {
          var b = document.createElement('button');
          b.type = 'button'; b.textContent = text; if (className) b.className = className;
          b.addEventListener('click', onClick);
          return b;
        }
        function clock(seconds) { var m = Math.floor(seconds / 60), s = seconds % 60; return m + ':' + (s < 10 ? '0' : '') + s; }

        // The rest between sets: a countdown across the top of the screen, skipped with one tap. It
        // reads the clock, so a phone locked in a pocket still rests the right time.
        var restTimer = null, restHide = null;
        function rest(seconds) {
          var bar = document.querySelector('.restbar');
          if (!bar) {
            bar = document.createElement('div');
            bar.className = 'restbar'; bar.setAttribute('role', 'timer'); bar.setAttribute('aria-live', 'polite');
            bar.appendChild(document.createElement('span'));
            bar.appendChild(button('Skip rest', 'secondary', stop));
            document.body.appendChild(bar);
          }
          var end = Date.now() + seconds * 1000;
          function stop() { clearInterval(restTimer); clearTimeout(restHide); restTimer = restHide = null; bar.hidden = true; }
          function paint() {
            var left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
            bar.firstChild.textContent = left > 0 ? 'Rest ' + clock(left) : 'Rest done: next set when you are ready.';
            return left;
          }
          clearInterval(restTimer); clearTimeout(restHide); restHide = null;
          bar.hidden = false; paint();
          restTimer = setInterval(function () {
            if (paint() > 0) return;
            clearInterval(restTimer); restTimer = null;
            if (navigator.vibrate) navigator.vibrate(200);
            restHide = setTimeout(stop, 4000);
          }, 250);
        }

        // Follow along: holds counted down set by set (each side in turn where it is per side), a
        // tempo counted out rep by rep, walks and rides in minutes; by the clock, not by ticks.
        document.querySelectorAll('[data-hold], [data-tempo], [data-minutes]').forEach(function (card) {
          var hold = Number(card.getAttribute('data-hold')) || 0;
          var minutes = Number(card.getAttribute('data-minutes')) || 0;
          var tempo = (card.getAttribute('data-tempo') || '').split('-').map(Number);
          var pause = Number(card.getAttribute('data-pause')) || 0;
          var reps = Number(card.getAttribute('data-reps')) || 0;
          var sets = Number(card.getAttribute('data-sets')) || 1;
          var sides = card.hasAttribute('data-per-side') ? ['left side: ', 'right side: '] : [''];
          var holdRest = Number(card.getAttribute('data-hold-rest')) || 0;
          var change = Number(card.getAttribute('data-switch')) || 0;
          var display = document.createElement('p');
          display.className = 'follow'; display.setAttribute('aria-live', 'polite');
          var timer = null;
          function stop() { clearInterval(timer); timer = null; start.textContent = label; }
          var label = hold ? 'Start the ' + hold + ' s hold' : minutes ? 'Start ' + minutes + ' min' : 'Count the tempo for me';
          var start = button(label, 'secondary', function () {
            if (timer) { stop(); display.textContent = ''; return; }
            start.textContent = 'Stop';
            var script = [];
            if (hold) {
              for (var s = 1; s <= sets; s++) {
                sides.forEach(function (side, index) {
                  for (var t = hold; t > 0; t--) script.push('Set ' + s + ', ' + side + 'hold ' + clock(t));
                  if (index < sides.length - 1) for (var r = change; r > 0; r--) script.push('Change sides: ' + r + ' s');
                });
                if (s < sets) for (var r = holdRest; r > 0; r--) script.push('Rest ' + r + ' s');
              }
              script.push('Done. Well held.');
            } else if (minutes) {
              for (var m = minutes * 60; m > 0; m--) script.push('Keep going ' + clock(m));
              script.push('Done. Nicely paced.');
            } else {
              var down = tempo[0] || 0, bottom = (tempo[1] || 0) + pause, up = tempo[2] || 0;
              for (var rep = 1; rep <= (reps || 1); rep++) {
                for (var d = down; d > 0; d--) script.push('Rep ' + rep + ': down ' + d);
                for (var b = bottom; b > 0; b--) script.push('Rep ' + rep + ': pause ' + b);
                for (var u = up; u > 0; u--) script.push('Rep ' + rep + ': up ' + u);
              }
              script.push('Done. Nicely controlled.');
            }
            var began = Date.now();
            display.textContent = script[0];
            timer = setInterval(function () {
              var step = Math.floor((Date.now() - began) / 1000);
              if (step >= script.length - 1) { display.textContent = script[script.length - 1]; stop(); if (navigator.vibrate) navigator.vibrate(200); return; }
              display.textContent = script[step];
            }, 250);
          });
          var place = card.querySelector('.dose') || card.firstChild;
          place.parentNode.insertBefore(start, place.nextSibling);
          start.parentNode.insertBefore(display, start.nextSibling);
        });
        """

    /// The service worker: the person's pages and the app's files kept for when the network is
    /// gone. Pages come from the network first (and are kept); offline, the last copy opens. Only
    /// GET requests are answered, and never the API.
    static let serviceWorker = """
        var CACHE = 'liftback-v1';
        var PAGES = ['/today', '/log', '/check-in', '/static/app.css', '/static/app.js'];
        self.addEventListener('install', function (event) {
          event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(PAGES).catch(function () {}); }));
          self.skipWaiting();
        });
        self.addEventListener('activate', function (event) { event.waitUntil(self.clients.claim()); });
        self.addEventListener('fetch', function (event) {
          var url = new URL(event.request.url);
          if (event.request.method !== 'GET' || url.origin !== location.origin || PAGES.indexOf(url.pathname) < 0) return;
          event.respondWith(fetch(event.request).then(function (response) {
            if (response.ok && !response.redirected) {
              var copy = response.clone();
              caches.open(CACHE).then(function (cache) { cache.put(url.pathname, copy); });
            }
            return response;
          }).catch(function () {
            return caches.match(url.pathname).then(function (kept) {
              return kept || new Response('You are offline, and this page was not kept on this phone yet.', { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
            });
          }));
        });
        """
}
