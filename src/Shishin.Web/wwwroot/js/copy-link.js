// Reveals the copy buttons of one-time links and copies the link on click; without script the field stays readonly
// and selectable. Loaded as a file, so the CSP needs no inline script.
(function () {
    "use strict";
    document.querySelectorAll("button[data-copy-target]").forEach(function (button) {
        var field = document.getElementById(button.getAttribute("data-copy-target"));
        var status = button.parentElement.querySelector("[data-copy-status]");
        if (!field || !navigator.clipboard) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(field.value).then(function () {
                if (status) {
                    status.textContent = button.getAttribute("data-copied-text");
                }
            }, function () {
                field.select();
            });
        });
    });
})();
