// Keeps a scan's progress view up to date while it runs: fetches the page's small JSON handler every few seconds and
// writes the figures into the elements marked data-field. The sentence in the polite live region is announced when it
// changes; focus never moves. Without script, a meta refresh inside <noscript> reloads the page instead.
(function () {
    "use strict";
    var section = document.getElementById("scan-progress");
    if (!section || !window.fetch) {
        return;
    }
    var url = section.getAttribute("data-progress-url");
    var delay = 2000;
    var failures = 0;

    function show(progress) {
        section.querySelectorAll("[data-field]").forEach(function (element) {
            var name = element.getAttribute("data-field");
            if (Object.prototype.hasOwnProperty.call(progress, name)) {
                var text = String(progress[name]);
                if (element.textContent !== text) {
                    element.textContent = text;
                }
            }
        });
        if (progress.finished) {
            var done = document.getElementById("progress-done");
            if (done) {
                done.hidden = false;
            }
            section.querySelectorAll("form").forEach(function (form) {
                form.hidden = true;
            });
        }
    }

    function poll() {
        fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin", cache: "no-store" })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(String(response.status));
                }
                return response.json();
            })
            .then(function (progress) {
                failures = 0;
                show(progress);
                if (!progress.finished) {
                    window.setTimeout(poll, delay);
                }
            })
            .catch(function () {
                // A restart or a lost connection: try again more slowly, and stop after a while.
                failures += 1;
                if (failures < 10) {
                    window.setTimeout(poll, delay * (failures + 1));
                }
            });
    }

    window.setTimeout(poll, delay);
})();
