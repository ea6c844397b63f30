// Overview: corpus counts, events over time, the busiest dyads and the PLOVER mix.
import { api, library } from "../api.js";
import { allPeriods, periodEnd } from "../periods.js";
import { chart, quadBars } from "../charts.js";
import { COOPERATION, CONFLICT, h, number, PLOVER_QUAD, QUADS, stat } from "../ui.js";

export async function render(main) {
  const [summary, echarts] = await Promise.all([api("summary"), library("echarts")]);
  const months = allPeriods(summary.per_month, "period", "month");
  const timeChart = h("div", { class: "chart", id: "overview-time" });
  const mixChart = h("div", { class: "chart tall", id: "overview-plover" });
  main.append(
    h("h1", {}, "Overview"),
    h(
      "p",
      { class: "lead" },
      summary.first_date
        ? `Events coded from the stored news, ${summary.first_date} to ${summary.last_date}. The charts count what happened: negated, hypothetical and denied events are left out.`
        : "The store holds no events yet: code a corpus with `eventwire ingest`.",
    ),
    h(
      "div",
      { class: "stats" },
      stat("Documents", summary.documents),
      stat("Events", summary.events),
      stat("Mentions", summary.mentions),
      stat("Period", summary.first_date ? [summary.first_date, h("br"), `to ${summary.last_date}`] : "—", {
        size: "small",
      }),
    ),
    h(
      "section",
      { class: "card" },
      h("h2", {}, "Events per month"),
      h("p", { class: "muted" }, "Click a bar to list its events."),
      timeChart,
    ),
    h(
      "div",
      { class: "grid two", style: "margin-top:16px" },
      h("section", { class: "card" }, h("h2", {}, "Top dyads"), dyadTable(summary.top_dyads)),
      h("section", { class: "card" }, h("h2", {}, "PLOVER mix"), mixChart),
    ),
  );
  if (!summary.per_month.length) {
    for (const box of [timeChart, mixChart])
      box.replaceChildren(h("p", { class: "empty" }, "No counted events."));
    return;
  }
  const perMonth = chart(echarts, timeChart, {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 56 },
    xAxis: { type: "category", data: months.map((m) => m.period) },
    yAxis: { type: "value", minInterval: 1 },
    series: quadBars(months),
  });
  const plover = [...summary.plover].reverse();
  const mix = chart(echarts, mixChart, {
    tooltip: { trigger: "item" },
    grid: { left: 96, right: 24, top: 8, bottom: 24 },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: plover.map((p) => p.plover) },
    series: [
      {
        type: "bar",
        data: plover.map((p) => ({
          value: p.events,
          itemStyle: { color: QUADS[PLOVER_QUAD[p.plover]]?.color },
        })),
      },
    ],
  });
  // A bar opens its events in the table.
  perMonth.on("click", (event) => {
    const month = months[event.dataIndex].period;
    location.assign(`/events?since=${month}-01&until=${periodEnd(month, "month")}`);
  });
  mix.on("click", (event) => location.assign(`/events?plover=${plover[event.dataIndex].plover}`));
}

function dyadTable(dyads) {
  if (!dyads.length) return h("p", { class: "empty" }, "No dyads yet.");
  const rows = dyads.map((d) => {
    const pair = `a=${d.source}&b=${d.target}`;
    return h(
      "tr",
      {},
      h("td", {}, `${d.source_name ?? d.source} – ${d.target_name ?? d.target}`),
      h("td", { class: "num" }, number(d.events)),
      h("td", { class: "num", style: `color:${COOPERATION}` }, number(d.cooperation)),
      h("td", { class: "num", style: `color:${CONFLICT}` }, number(d.conflict)),
      h(
        "td",
        {},
        h("a", { href: `/timeline?${pair}` }, "timeline"),
        " · ",
        h("a", { href: `/brief?${pair}` }, "brief"),
      ),
    );
  });
  return h(
    "table",
    { class: "data" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", {}, "Pair"),
        h("th", { class: "num" }, "Events"),
        h("th", { class: "num" }, "Coop."),
        h("th", { class: "num" }, "Conflict"),
        h("th", {}, ""),
      ),
    ),
    h("tbody", {}, rows),
  );
}
