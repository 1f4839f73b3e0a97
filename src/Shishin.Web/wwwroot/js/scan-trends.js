// Draws each trend chart from the data table beside it (the table stays the source and works without script).
// Apache ECharts, vendored under lib/echarts, with the aria component on (a description for screen readers) and decal
// patterns so that series differ by more than colour. The container is focusable and labelled by the page.
(function () {
    "use strict";
    if (!window.echarts) {
        return;
    }
    var palette = ["#c5221f", "#e25100", "#0017c1", "#626264"];

    function read(table) {
        var names = Array.prototype.map.call(table.querySelectorAll("thead th[data-series]"), function (th) {
            return th.getAttribute("data-series");
        });
        var days = [];
        var columns = names.map(function () { return []; });
        table.querySelectorAll("tbody tr").forEach(function (row) {
            days.push(row.querySelector("th").textContent.trim());
            row.querySelectorAll("td").forEach(function (cell, i) {
                var text = cell.getAttribute("data-value");
                columns[i].push(text === "" || text === null ? null : Number(text));
            });
        });
        return { names: names, days: days, columns: columns };
    }

    document.querySelectorAll(".trend-chart[data-table]").forEach(function (container) {
        var table = document.getElementById(container.getAttribute("data-table"));
        if (!table) {
            return;
        }
        var data = read(table);
        var kind = container.getAttribute("data-kind") === "bar" ? "bar" : "line";
        container.hidden = false;
        var chart = window.echarts.init(container, null, { renderer: "canvas" });
        chart.setOption({
            animation: false,
            color: palette,
            aria: { enabled: true, label: { description: container.getAttribute("aria-label") }, decal: { show: true } },
            legend: { top: 0 },
            grid: { left: 48, right: 16, top: 40, bottom: 32, containLabel: true },
            xAxis: { type: "category", data: data.days },
            yAxis: { type: "value", min: 0 },
            series: data.names.map(function (name, i) {
                return {
                    name: name,
                    type: kind,
                    stack: kind === "bar" ? "total" : undefined,
                    data: data.columns[i],
                    connectNulls: false,
                    showSymbol: data.days.length < 60
                };
            })
        });
        window.addEventListener("resize", function () { chart.resize(); });
    });
})();
