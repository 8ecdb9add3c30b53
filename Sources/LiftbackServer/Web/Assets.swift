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
          body { background: #fff; font-size: 9.5pt; }
          main, main.wide, main.narrow { padding: 0; max-width: none; }
          article.report { border: 0; padding: 0; margin: 0; break-after: page; }
          article.report:last-of-type { break-after: auto; }
          figure.chart { margin: .2rem 0; break-inside: avoid; }
          figure.chart .plot svg { max-height: 48mm; }
          table, tr { break-inside: avoid; }
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
          var sets = Array.prototype.slice.call(document.querySelectorAll('fieldset.scale'));
          var index = sets.indexOf(input.closest('fieldset.scale'));
          var next = sets[index + 1];
          if (next) { var first = next.querySelector('input'); if (first) first.focus({ preventScroll: false }); }
        });
        """
}
