// Draws each chart from the data table beside it (the table stays the source and works without script): scan trends,
// feedback figures and ratings. Apache ECharts, vendored under lib/echarts, with the aria component on (a description
// for screen readers) and decal patterns so that series differ by more than colour; the container is focusable and
// labelled by the page. Only the columns whose header carries data-series are drawn, matched by position; a cell with an
// empty data-value is a gap ("not measured"), never 0. data-kind="bar" stacks the series; data-max fixes the top of
// the axis (100 for percentages); data-palette="impact" starts with the colours of critical and serious findings.
(function () {
    "use strict";
    if (!window.echarts) {
        return;
    }
    var palettes = {
        impact: ["#c5221f", "#e25100", "#0017c1", "#626264"],
        standard: ["#0017c1", "#c5221f", "#e25100", "#626264"]
    };

    function read(table) {
        var series = [];
        table.querySelectorAll("thead th").forEach(function (th, index) {
            if (th.hasAttribute("data-series")) {
                series.push({ name: th.getAttribute("data-series"), index: index, data: [] });
            }
        });
        var labels = [];
        table.querySelectorAll("tbody tr").forEach(function (row) {
            var cells = row.children;
            labels.push(cells[0].textContent.trim());
            series.forEach(function (s) {
                var cell = cells[s.index];
                var text = cell ? cell.getAttribute("data-value") : null;
                s.data.push(text === "" || text === null ? null : Number(text));
            });
        });
        return { labels: labels, series: series };
    }

    document.querySelectorAll(".trend-chart[data-table]").forEach(function (container) {
        var table = document.getElementById(container.getAttribute("data-table"));
        if (!table) {
            return;
        }
        var data = read(table);
        var kind = container.getAttribute("data-kind") === "bar" ? "bar" : "line";
        var max = container.getAttribute("data-max");
        container.hidden = false;
        var chart = window.echarts.init(container, null, { renderer: "canvas" });
        chart.setOption({
            animation: false,
            color: palettes[container.getAttribute("data-palette")] || palettes.standard,
            aria: { enabled: true, label: { description: container.getAttribute("aria-label") }, decal: { show: true } },
            legend: { top: 0 },
            grid: { left: 48, right: 16, top: 40, bottom: 32, containLabel: true },
            xAxis: { type: "category", data: data.labels },
            yAxis: { type: "value", min: 0, max: max ? Number(max) : undefined },
            series: data.series.map(function (s) {
                return {
                    name: s.name,
                    type: kind,
                    stack: kind === "bar" ? "total" : undefined,
                    data: s.data,
                    connectNulls: false,
                    showSymbol: data.labels.length < 60
                };
            })
        });
        window.addEventListener("resize", function () { chart.resize(); });
    });
})();
