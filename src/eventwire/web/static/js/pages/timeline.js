// A dyad's timeline: cooperation and conflict stacked, the Goldstein line, and a brush that
// picks a period and lists its events.
import { actorsAndPair, api, library } from "../api.js";
import { seriesChart } from "../charts.js";
import { periodEnd } from "../periods.js";
import { actorOptions, eventList, filterForm, h, keepInAddress, number, options } from "../ui.js";

const INTERVALS = ["month", "week", "day"];

export async function render(main, params) {
  const [{ actors, a, b }, echarts] = await Promise.all([actorsAndPair(params), library("echarts")]);
  const state = {
    a,
    b,
    interval: params.get("interval") ?? "month",
  };
  const plot = h("div", { class: "chart tall", id: "timeline-chart" });
  const heading = h("h2", {});
  const period = h("aside", { class: "card", id: "period" });
  main.append(
    h("h1", {}, "Dyad timeline"),
    h(
      "p",
      { class: "lead" },
      "Events between two actors, both ways. Drag across the chart to choose a period and list its events.",
    ),
    timelineForm(state, () => draw()),
    h("div", { class: "grid side" }, h("section", { class: "card" }, heading, plot), period),
    actorOptions(actors),
  );
  let current = null;

  async function draw() {
    if (!state.a && state.b) [state.a, state.b] = [state.b, ""];
    keepInAddress({ a: state.a, b: state.b, interval: state.interval === "month" ? "" : state.interval });
    const dyad = await api("dyads", { a: state.a, b: state.b, interval: state.interval });
    current?.instance.dispose();
    const name = (code) =>
      actors.find((actor) => actor.code === code.toUpperCase())?.name ?? code.toUpperCase();
    heading.textContent = !state.a
      ? "All events"
      : state.b
        ? `${name(state.a)} and ${name(state.b)}`
        : `${name(state.a)} with anyone`;
    current = seriesChart(echarts, plot, dyad.series, state.interval, {
      toolbox: { show: false },
      brush: {
        xAxisIndex: 0,
        brushMode: "single",
        brushType: "lineX",
        throttleType: "debounce",
        brushStyle: { color: "rgba(44,93,158,0.12)", borderColor: "#2c5d9e" },
      },
    });
    const { instance, periods } = current;
    instance.dispatchAction({
      type: "takeGlobalCursor",
      key: "brush",
      brushOption: { brushType: "lineX", brushMode: "single" },
    });
    instance.on("brushEnd", (event) => {
      const range = event.areas[0]?.coordRange;
      if (range) showPeriod(period, state, periods, range[0], range[1]);
    });
    window.eventwire = { ...window.eventwire, timeline: instance }; // a handle for the browser tests
    await whole();
  }

  function whole() {
    current.instance.dispatchAction({ type: "brush", areas: [] });
    return showPeriod(period, state, current.periods, 0, current.periods.length - 1, true);
  }
  period.addEventListener("click", (event) => event.target.matches("button.whole") && whole());
  await draw();
}

function timelineForm(state, onApply) {
  return filterForm(state, onApply, ({ field, choice }) => [
    field("Actor (blank: all)", "a", { list: "actor-codes" }),
    field("and actor (blank: anyone)", "b", { list: "actor-codes" }),
    choice("Interval", "interval", options(INTERVALS)),
    h("button", { type: "submit" }, "Show"),
  ]);
}

/** The counts of periods[from..to] and the events in those dates. */
async function showPeriod(panel, state, periods, from, to, whole = false) {
  if (!periods.length) {
    panel.replaceChildren(h("p", { class: "empty" }, "No counted events."));
    return;
  }
  const chosen = periods.slice(Math.max(0, from), to + 1);
  const since = chosen[0].period.length === 7 ? `${chosen[0].period}-01` : chosen[0].period;
  const until = periodEnd(chosen[chosen.length - 1].period, state.interval);
  const sum = (...keys) =>
    chosen.reduce((total, p) => total + keys.reduce((n, key) => n + (p[key] ?? 0), 0), 0);
  const events = state.b
    ? await api("network/edge", { a: state.a, b: state.b, since, until, limit: 30 })
    : await api("events", { actor: state.a, since, until, limit: 30 });
  panel.replaceChildren(
    h(
      "div",
      { class: "panel-head" },
      h("h2", { id: "period-range" }, `${whole ? "Whole range: " : ""}${since} to ${until}`),
      whole ? "" : h("button", { class: "secondary whole", type: "button" }, "Whole range"),
    ),
    h(
      "p",
      {},
      `${number(sum("quad1", "quad2"))} cooperation and ${number(sum("quad3", "quad4"))} conflict events counted.`,
    ),
    h(
      "p",
      {},
      h(
        "a",
        { href: `/events?${new URLSearchParams({ actor: state.a, since, until })}` },
        `${number(events.total)} events in all; open ${state.a ? `${state.a.toUpperCase()}'s events` : "the events"} of this period in the table`,
      ),
    ),
    h("div", { class: "scroll" }, eventList(events.items)),
  );
}
