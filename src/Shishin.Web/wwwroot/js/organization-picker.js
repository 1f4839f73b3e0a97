// Progressive enhancement of the organisation picker (Pages/Admin/Users/_AccessFields.cshtml): shows the filter box
// and hides the checkboxes that do not match what is typed. Without this script every checkbox is shown. Hidden
// checkboxes keep their state and are still posted, so filtering never drops a choice.
(function () {
    "use strict";

    // Case, full/half width and katakana/hiragana are ignored, as in the server-side search of the organisation list.
    function normalise(text) {
        return (text || "")
            .normalize("NFKC")
            .toLowerCase()
            .replace(/[\u30a1-\u30f6]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0x60); });
    }

    function enhance(filter) {
        var picker = filter.closest(".organization-picker");
        var input = filter.querySelector("input");
        var status = filter.querySelector("[aria-live]");
        var items = Array.prototype.slice.call(picker.querySelectorAll("[data-organization-search]"));
        var groups = Array.prototype.slice.call(picker.querySelectorAll("[data-organization-group]"));
        var keys = items.map(function (item) { return normalise(item.getAttribute("data-organization-search")); });
        var timer;

        function apply() {
            var text = normalise(input.value.trim());
            var shown = 0;
            items.forEach(function (item, i) {
                var match = text === "" || keys[i].indexOf(text) >= 0;
                item.hidden = !match;
                if (match) {
                    shown += 1;
                }
            });
            groups.forEach(function (group) {
                group.hidden = !group.querySelector("[data-organization-search]:not([hidden])");
            });
            // Announced after typing pauses, not at every key.
            window.clearTimeout(timer);
            timer = window.setTimeout(function () {
                status.textContent = text === ""
                    ? ""
                    : shown === 0 ? status.getAttribute("data-none") : status.getAttribute("data-template").replace("{0}", String(shown));
            }, 400);
        }

        input.addEventListener("input", apply);
        // Enter in the filter box must not submit the whole form.
        input.addEventListener("keydown", function (event) {
            if (event.key === "Enter") {
                event.preventDefault();
            }
        });
        filter.hidden = false;
    }

    document.querySelectorAll("[data-organization-filter]").forEach(enhance);
})();
