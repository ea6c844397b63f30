// The actor network: cooperation and conflict edges in their own colours; an edge lists its events.
import { api, library } from "../api.js";
import { COOPERATION, CONFLICT, count, eventList, filterForm, h, keepInAddress, number } from "../ui.js";

const LEVELS = { country: "Countries", sector: "Country and sector", group: "Named groups" };

export async function render(main, params) {
  const state = {
    since: params.get("since") ?? "",
    until: params.get("until") ?? "",
    level: params.get("level") ?? "country",
    min_events: params.get("min_events") ?? "1",
  };
  const graph = h("div", { id: "cy", role: "img", "aria-label": "Actor network" });
  const caption = h("p", { class: "muted", id: "network-caption" });
  const panel = h(
    "aside",
    { class: "card", id: "edge-events" },
    h(
      "p",
      { class: "empty" },
      "Click an edge to list the events between its two actors, or an actor to see its allies and adversaries.",
    ),
  );
  main.append(
    h("h1", {}, "Network"),
    h(
      "p",
      { class: "lead" },
      "Who works with whom and who fights whom. Edge width grows with the number of events; node size with the actor's events.",
    ),
    networkForm(state, () => draw()),
    h(
      "div",
      { class: "grid side" },
      h(
        "section",
        { class: "card" },
        graph,
        caption,
        h(
          "div",
          { class: "legend" },
          h("span", { style: `--c:${COOPERATION}` }, "cooperation (quad classes 1–2)"),
          h("span", { style: `--c:${CONFLICT}` }, "conflict (quad classes 3–4)"),
        ),
      ),
      panel,
    ),
  );
  const cytoscape = await library("cytoscape");
  let cy = null;

  async function draw() {
    keepInAddress({
      ...state,
      level: state.level === "country" ? "" : state.level,
      min_events: state.min_events === "1" ? "" : state.min_events,
    });
    const network = await api("network", state);
    cy?.destroy();
    cy = cytoscape({ container: graph, elements: elements(network), style: STYLE });
    cy.layout({ name: "circle" }).run();
    // A force layout knots a dense graph (most pairs linked): keep the circle there.
    const dense = network.edges.length > 3 * network.nodes.length;
    if (dense) cy.edges().style("opacity", 0.45);
    else cy.layout(LAYOUT).run();
    cy.on("tap", "edge", (event) => showEdge(panel, event.target.data(), state));
    cy.on("tap", "node", (event) => showActor(panel, event.target.data(), state));
    window.eventwire = { ...window.eventwire, network: cy }; // a handle for the browser tests
    caption.textContent =
      `${network.nodes.length} actors, ${network.edges.length} pairs` +
      (state.since || state.until ? `, ${state.since || "…"} to ${state.until || "…"}` : ", whole corpus");
  }
  await draw();
}

function networkForm(state, onApply) {
  return filterForm(state, onApply, ({ field, choice }) => [
    field("Since", "since", { type: "date" }),
    field("Until", "until", { type: "date" }),
    choice("Actors", "level", Object.entries(LEVELS)),
    field("Min. events a pair", "min_events", { type: "number", min: 1, max: 1000, style: "width:90px" }),
    h("button", { type: "submit" }, "Apply"),
  ]);
}

/** Nodes, and for each pair up to two edges: one for its cooperation, one for its conflict. */
function elements(network) {
  const most = Math.max(1, ...network.nodes.map((n) => n.events));
  const nodes = network.nodes.map((n) => ({
    data: {
      id: n.id,
      label: n.label ?? n.id,
      events: n.events,
      size: 14 + 30 * Math.sqrt(n.events / most),
      color: COMMUNITY[n.community % COMMUNITY.length],
    },
  }));
  const label = Object.fromEntries(nodes.map((n) => [n.data.id, n.data.label]));
  const strongest = Math.max(1, ...network.edges.map((e) => Math.max(e.cooperation, e.conflict)));
  const edges = network.edges.flatMap((e) =>
    [
      ["cooperation", COOPERATION],
      ["conflict", CONFLICT],
    ]
      .filter(([kind]) => e[kind] > 0)
      .map(([kind, color]) => ({
        data: {
          id: `${e.source}|${e.target}|${kind}`,
          source: e.source,
          target: e.target,
          kind,
          color,
          title: `${label[e.source]} – ${label[e.target]}`,
          count: e[kind],
          width: 1.5 + 8.5 * Math.sqrt(e[kind] / strongest),
        },
      })),
  );
  return [...nodes, ...edges];
}

// Deterministic: cose starts from the circle layout rather than from random positions.
const LAYOUT = {
  name: "cose",
  randomize: false,
  animate: false,
  padding: 20,
  numIter: 2500,
  nodeRepulsion: () => 60000,
  idealEdgeLength: () => 70,
  edgeElasticity: () => 60,
  nodeOverlap: 12,
  gravity: 0.6,
  componentSpacing: 60,
};
// Communities (from the API) get quiet shades, so that colour stays for the edges.
const COMMUNITY = ["#34495e", "#4f6d8f", "#6b5b7b", "#55707a", "#7a6a58", "#5a6f55"];

const STYLE = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      width: "data(size)",
      height: "data(size)",
      "background-color": "data(color)",
      color: "#1d2433",
      "font-size": 11,
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-background-color": "#fff",
      "text-background-opacity": 0.8,
      "text-background-padding": 2,
    },
  },
  {
    selector: "edge",
    style: { width: "data(width)", "line-color": "data(color)", "curve-style": "bezier", opacity: 0.8 },
  },
  {
    selector: "edge:selected",
    style: { opacity: 1, "underlay-color": "#7fb2f0", "underlay-opacity": 0.5, "underlay-padding": 4 },
  },
  { selector: "node:selected", style: { "background-color": "#2c5d9e" } },
];

async function showEdge(panel, edge, state) {
  const [a, b] = [edge.source, edge.target];
  panel.replaceChildren(h("p", { class: "muted" }, "Loading…"));
  const page = await api("network/edge", {
    a,
    b,
    since: state.since,
    until: state.until,
    level: state.level,
    limit: 50,
  });
  panel.replaceChildren(
    h("h2", {}, edge.title),
    h(
      "p",
      { class: "muted" },
      `${count(edge.count, `${edge.kind} event`)} counted; ${count(page.total, "event")} in all, with the planned, negated and denied ones.`,
    ),
    eventList(page.items),
  );
}

async function showActor(panel, node, state) {
  const links = h(
    "p",
    {},
    h("a", { href: `/events?actor=${encodeURIComponent(node.id)}` }, "events"),
    " · ",
    h("a", { href: `/timeline?a=${encodeURIComponent(node.id)}` }, "timeline"),
    " · ",
    h("a", { href: `/map?actor=${encodeURIComponent(node.id)}` }, "map"),
  );
  panel.replaceChildren(h("h2", {}, node.label), h("p", { class: "muted" }, "Loading…"));
  let profile;
  try {
    profile = await api(`actors/${encodeURIComponent(node.id)}`, { since: state.since, until: state.until });
  } catch (error) {
    panel.replaceChildren(
      h("h2", {}, node.label),
      h("p", { class: "muted" }, `No profile: ${error.message}`),
      links,
    );
    return;
  }
  const partners = (title, list) => [
    h("h3", {}, title),
    list.length
      ? h(
          "table",
          { class: "data" },
          h(
            "tbody",
            {},
            list.map((p) =>
              h(
                "tr",
                {},
                h(
                  "td",
                  {},
                  h(
                    "a",
                    { href: `/brief?a=${encodeURIComponent(node.id)}&b=${encodeURIComponent(p.code)}` },
                    p.name ?? p.code,
                  ),
                ),
                h("td", { class: "num", style: `color:${COOPERATION}` }, number(p.cooperation)),
                h("td", { class: "num", style: `color:${CONFLICT}` }, number(p.conflict)),
              ),
            ),
          ),
        )
      : h("p", { class: "muted" }, "None."),
  ];
  panel.replaceChildren(
    h("h2", {}, profile.name ?? node.label),
    h(
      "p",
      { class: "muted" },
      `${count(profile.events, "counted event")}, ${profile.first_date ?? "—"} to ${profile.last_date ?? "—"}; mean Goldstein ${number(profile.goldstein, 1)}.`,
    ),
    ...partners("Strongest allies (cooperation, conflict)", profile.allies),
    ...partners("Main adversaries", profile.adversaries),
    links,
  );
}
