// ECharts set-ups shared by the pages: one look, quad-class colours, the dyad series chart.
import { allPeriods } from "./periods.js";
import { QUADS } from "./ui.js";

/** An ECharts instance in `element` that follows the window's size. */
export function chart(echarts, element, option) {
  const instance = echarts.init(element, null, { renderer: "canvas" });
  instance.setOption({ animation: false, textStyle: { fontFamily: "system-ui, sans-serif" }, ...option });
  window.addEventListener("resize", () => instance.resize());
  return instance;
}

/** Stacked bars of the four quad classes, one bar a period. */
export function quadBars(points) {
  return [1, 2, 3, 4].map((quad) => ({
    name: QUADS[quad].name,
    type: "bar",
    stack: "events",
    itemStyle: { color: QUADS[quad].color },
    data: points.map((point) => point[`quad${quad}`]),
  }));
}

/** A dyad series (from /api/dyads or a brief's trend): stacked quad classes and the mean
 *  Goldstein score on a second axis. Returns the chart and the periods it shows. */
export function seriesChart(echarts, element, series, interval, extra = {}) {
  const periods = allPeriods(series, "period", interval);
  const instance = chart(echarts, element, {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { bottom: 0 },
    grid: { left: 44, right: 48, top: 28, bottom: 56 },
    xAxis: {
      type: "category",
      data: periods.map((p) => p.period),
      axisLabel: { formatter: (value) => (interval === "month" ? value.slice(0, 7) : value) },
    },
    yAxis: [
      { type: "value", name: "events", minInterval: 1 },
      { type: "value", name: "Goldstein", min: -10, max: 10, splitLine: { show: false } },
    ],
    series: [
      ...quadBars(periods),
      {
        name: "Mean Goldstein",
        type: "line",
        yAxisIndex: 1,
        connectNulls: false,
        symbolSize: 6,
        itemStyle: { color: "#2b3445" },
        lineStyle: { width: 2 },
        data: periods.map((p) => p.goldstein),
      },
    ],
    ...extra,
  });
  return { instance, periods };
}
