// The relation brief for any two actors: the trend, the key events with their evidence, and
// the third parties most involved.
import { actorsAndPair, api, library } from "../api.js";
import { seriesChart } from "../charts.js";
import {
  actorLabel,
  actorOptions,
  COOPERATION,
  CONFLICT,
  count,
  eventBadges,
  filterForm,
  h,
  highlightedSentence,
  keepInAddress,
  number,
  stat,
} from "../ui.js";

export async function render(main, params) {
  const [{ actors, a, b }, echarts] = await Promise.all([actorsAndPair(params), library("echarts")]);
  const state = {
    a,
    b,
    since: params.get("since") ?? "",
    until: params.get("until") ?? "",
  };
  const body = h("div", { id: "brief" });
  main.append(
    h("h1", {}, "Relation brief"),
    briefForm(state, () => draw()),
    body,
    actorOptions(actors),
  );

  async function draw() {
    keepInAddress(state);
    if (!state.a || !state.b) {
      body.replaceChildren(h("p", { class: "empty" }, "Choose two actors."));
      return;
    }
    const brief = await api("brief", state);
    const trend = h("div", { class: "chart", id: "brief-trend" });
    const query = new URLSearchParams(Object.entries(state).filter(([, v]) => v));
    body.replaceChildren(
      h(
        "section",
        { class: "card" },
        h("h2", {}, `${brief.a.name ?? brief.a.code} and ${brief.b.name ?? brief.b.code}`),
        h("p", { class: "headline" }, brief.headline),
        h(
          "div",
          { class: "stats" },
          stat("Events", number(brief.events)),
          stat("Cooperation", number(brief.cooperation), { color: COOPERATION }),
          stat("Conflict", number(brief.conflict), { color: CONFLICT }),
          stat("Mean Goldstein", number(brief.goldstein, 1)),
          stat("Period", brief.first_date ? [brief.first_date, h("br"), `to ${brief.last_date}`] : "—", {
            size: "small",
          }),
        ),
        h(
          "p",
          {},
          "Export: ",
          h("a", { href: `/api/brief.md?${query}` }, "Markdown"),
          " · ",
          h("a", { href: `/api/brief.html?${query}` }, "HTML page"),
        ),
      ),
      h("section", { class: "card", style: "margin-top:16px" }, h("h2", {}, "Trend by month"), trend),
      h(
        "div",
        { class: "grid side", style: "margin-top:16px" },
        h("section", { class: "card" }, h("h2", {}, "Key events"), keyEvents(brief.key_events)),
        h(
          "section",
          { class: "card" },
          h("h2", {}, "Third parties most involved"),
          thirdParties(brief.third_parties, state),
        ),
      ),
    );
    if (brief.trend.length) seriesChart(echarts, trend, brief.trend, "month");
    else trend.replaceChildren(h("p", { class: "empty" }, "No counted events."));
  }
  await draw();
}

function briefForm(state, onApply) {
  return filterForm(state, onApply, ({ field }) => [
    field("Actor", "a", { list: "actor-codes", required: true }),
    field("and actor", "b", { list: "actor-codes", required: true }),
    field("Since", "since", { type: "date" }),
    field("Until", "until", { type: "date" }),
    h("button", { type: "submit" }, "Write the brief"),
  ]);
}

function keyEvents(items) {
  if (!items.length) return h("p", { class: "empty" }, "No events between these actors.");
  return h(
    "div",
    {},
    items.map((item) =>
      h(
        "div",
        { class: `key-event q${item.quad_class}`, dataset: { eventId: item.event_id } },
        h(
          "div",
          {},
          h("strong", {}, item.date ?? "—"),
          " · ",
          actorLabel(item.source),
          " → ",
          actorLabel(item.target),
          " ",
          ...eventBadges(item),
          " ",
          item.cameo_name ?? "",
        ),
        highlightedSentence(item),
        h(
          "div",
          { class: "meta" },
          [
            item.speaker ? `said by ${actorLabel(item.speaker)}` : null,
            item.reported_by ? `reported by ${item.reported_by}` : null,
            item.outlet ? `in ${item.outlet}` : null,
            count(item.mentions, "mention"),
          ]
            .filter(Boolean)
            .join(" · "),
          " · ",
          h("a", { href: `/events?id=${item.event_id}` }, "evidence"),
        ),
      ),
    ),
  );
}

function thirdParties(parties, state) {
  if (!parties.length) return h("p", { class: "empty" }, "None.");
  return h(
    "table",
    { class: "data" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", {}, "Actor"),
        h("th", { class: "num" }, "Events"),
        h("th", { class: "num" }, "Coop."),
        h("th", { class: "num" }, "Conflict"),
      ),
    ),
    h(
      "tbody",
      {},
      parties.map((p) =>
        h(
          "tr",
          {},
          h(
            "td",
            {},
            h(
              "a",
              { href: `/brief?a=${encodeURIComponent(state.a)}&b=${encodeURIComponent(p.code)}` },
              p.name ?? p.code,
            ),
          ),
          h("td", { class: "num" }, number(p.events)),
          h("td", { class: "num" }, number(p.cooperation)),
          h("td", { class: "num" }, number(p.conflict)),
        ),
      ),
    ),
  );
}
