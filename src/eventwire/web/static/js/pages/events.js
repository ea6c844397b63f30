// The event table with its filters; a row opens the evidence: the highlighted sentence, the
// document it comes from and the other mentions of the same event.
import { api } from "../api.js";
import {
  actorLabel,
  actorOptions,
  count,
  eventBadges,
  eventTable,
  filterForm,
  h,
  highlightedSentence,
  keepInAddress,
  MODALITIES,
  number,
  options,
  pager,
  PLOVER_TYPES,
  QUADS,
} from "../ui.js";

const FILTERS = ["actor", "source", "target", "plover", "modality", "since", "until", "place", "q"];
const LIMIT = 25;

export async function render(main, params) {
  const [dyadSource = "", dyadTarget = ""] = (params.get("dyad") ?? "").split(",");
  const dyad = { source: dyadSource, target: dyadTarget };
  const state = {
    ...Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? dyad[name] ?? ""])),
    sort: params.get("sort") ?? "-date",
    offset: Number(params.get("offset") ?? 0),
    id: params.get("id") ?? "",
  };
  const results = h("section", { class: "card", id: "event-results" });
  const evidence = h(
    "aside",
    { class: "card", id: "evidence" },
    h("p", { class: "empty" }, "Choose an event to see its evidence."),
  );
  const remember = () =>
    keepInAddress({
      ...filterValues(state),
      sort: state.sort === "-date" ? "" : state.sort,
      offset: state.offset || "",
      id: state.id,
    });

  async function refresh() {
    remember();
    const page = await api("events", {
      ...filterValues(state),
      sort: state.sort,
      limit: LIMIT,
      offset: state.offset,
    });
    const table = eventTable(page.items, {
      sort: state.sort,
      onSort: (sort) => {
        state.sort = sort;
        state.offset = 0;
        refresh();
      },
      onSelect: (item, row) => {
        state.id = String(item.event_id);
        select(row);
        remember();
        showEvidence(evidence, item.event_id);
      },
    });
    results.replaceChildren(
      h("h2", {}, `${number(page.total)} events`),
      table,
      pager(page, (offset) => {
        state.offset = offset;
        refresh();
      }),
    );
    const row = table.querySelector(`tr[data-event-id="${CSS.escape(state.id)}"]`);
    if (row) select(row);
  }

  main.append(
    h("h1", {}, "Events"),
    h(
      "p",
      { class: "lead" },
      "Every stored event, newest first. Filter, sort by a column, and click a row to read the sentences behind it.",
    ),
    eventFilters(state, () => {
      state.offset = 0;
      refresh();
    }),
    h("div", { class: "grid side" }, results, evidence),
  );
  api("actors", { limit: 200 }).then((actors) => main.append(actorOptions(actors)));
  await refresh();
  if (state.id) await showEvidence(evidence, state.id);
}

function filterValues(state) {
  return Object.fromEntries(FILTERS.map((name) => [name, state[name].trim()]));
}

function select(row) {
  for (const other of row.parentElement.querySelectorAll("tr.selected")) other.classList.remove("selected");
  row.classList.add("selected");
}

function eventFilters(state, onApply) {
  const clear = (event) => {
    for (const name of FILTERS) {
      state[name] = "";
      event.target.form.elements[name].value = "";
    }
    onApply();
  };
  return filterForm(
    state,
    onApply,
    ({ field, choice }) => [
      field("Actor (either side)", "actor", { list: "actor-codes", placeholder: "RUS" }),
      field("Source", "source", { list: "actor-codes", placeholder: "any" }),
      field("Target", "target", { list: "actor-codes", placeholder: "any" }),
      choice("Type", "plover", options(PLOVER_TYPES), "any type"),
      choice("Modality", "modality", options(MODALITIES), "any"),
      field("Since", "since", { type: "date" }),
      field("Until", "until", { type: "date" }),
      field("Place", "place", { placeholder: "Gaza, SYR" }),
      field("Text", "q", { type: "search", class: "wide", placeholder: "words in the sentence" }),
      h("button", { type: "submit" }, "Apply"),
      h("button", { type: "button", class: "secondary", onclick: clear }, "Clear"),
    ],
    { id: "event-filters" },
  );
}

async function showEvidence(panel, id) {
  const event = await api(`events/${encodeURIComponent(id)}`);
  const first = event.mentions.find((m) => m.doc_id === event.doc_id) ?? event.mentions[0];
  const others = event.mentions.filter((m) => m !== first);
  const documentBox = h("div", {}, h("p", { class: "muted" }, "Loading the document…"));
  panel.replaceChildren(
    h("h2", {}, actorLabel(event.source), " → ", actorLabel(event.target)),
    h("div", {}, ...eventBadges(event)),
    h("h3", {}, "Evidence"),
    highlightedSentence(event, { source: first?.source_text, target: first?.target_text }),
    facts(event),
    h("h3", {}, "Document"),
    documentBox,
    h("h3", {}, `Other mentions (${others.length})`),
    others.length
      ? h(
          "ul",
          { class: "mentions" },
          others.map((m) => mentionItem(event, m)),
        )
      : h("p", { class: "muted" }, "None: one report only."),
  );
  documentBox.replaceChildren(await documentView(event));
}

function facts(event) {
  const rows = [
    ["Event", `${event.cameo} ${event.cameo_name ?? ""}`],
    ["PLOVER", [event.plover, event.plover_mode].filter(Boolean).join(" / ") || "—"],
    ["Class", QUADS[event.quad_class]?.name ?? "—"],
    ["Goldstein", number(event.goldstein, 1)],
    ["Date", event.date ?? "—"],
    [
      "Place",
      event.location ? [event.location.name, event.location.country].filter(Boolean).join(", ") : "—",
    ],
    ["Speaker", event.speaker ? actorLabel(event.speaker) : "—"],
    ["Reported by", event.reported_by ?? "—"],
    ["Outlet", event.outlet ?? "—"],
    [
      "Reports",
      [
        count(event.mention_count ?? event.mentions.length, "mention"),
        count(event.sources, "source"),
        count(event.documents, "document"),
      ].join(", "),
    ],
  ];
  return h(
    "dl",
    { class: "facts" },
    rows.flatMap(([label, value]) => [h("dt", {}, label), h("dd", {}, value)]),
  );
}

function mentionItem(event, mention) {
  return h(
    "li",
    {},
    h(
      "div",
      { class: "muted" },
      [mention.doc_title ?? mention.doc_id, mention.doc_source, mention.date].filter(Boolean).join(" · "),
    ),
    highlightedSentence(
      { ...event, ...mention },
      { source: mention.source_text, target: mention.target_text },
    ),
  );
}

async function documentView(event) {
  const doc = await api(`documents/${encodeURIComponent(event.doc_id)}`);
  const text = doc.text ?? "";
  const [start, end] = event.sentence_span ?? [0, 0];
  const focus = h("mark", { class: "focus" }, text.slice(start, end));
  const body = h(
    "div",
    { class: "doc-text", id: "document-text" },
    text.slice(0, start),
    focus,
    text.slice(end),
  );
  requestAnimationFrame(() => {
    body.scrollTop = focus.offsetTop - body.offsetTop - 40;
  });
  const link = doc.url
    ? h("a", { href: doc.url, rel: "noreferrer noopener", target: "_blank" }, "original")
    : null;
  return h(
    "div",
    {},
    h(
      "p",
      {},
      h("strong", {}, doc.title ?? doc.doc_id),
      h("br"),
      h(
        "span",
        { class: "muted" },
        [doc.source, doc.date, count(doc.num_events, "event")].filter(Boolean).join(" · "),
      ),
      link ? [" · ", link] : null,
    ),
    body,
  );
}
