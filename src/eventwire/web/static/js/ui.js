// Small DOM helpers shared by the pages: elements, labels, highlighted evidence, event tables.

/** Build an element; strings among the children become text nodes (never HTML). */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) element.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(element.dataset, value);
    else element.setAttribute(key, value === true ? "" : value);
  }
  element.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return element;
}

export function showError(error) {
  const banner = document.getElementById("error");
  banner.textContent = `Could not load this view: ${error.message ?? error}`;
  banner.hidden = false;
}

export const QUADS = {
  1: { name: "Verbal cooperation", color: "#5fb3a9" },
  2: { name: "Material cooperation", color: "#1f7a74" },
  3: { name: "Verbal conflict", color: "#e59a3c" },
  4: { name: "Material conflict", color: "#c0392b" },
};
export const COOPERATION = QUADS[2].color;
export const CONFLICT = QUADS[4].color;
// PLOVER 2021's sixteen types, each with its quad class, in the codebook's order.
// prettier-ignore
export const PLOVER_QUAD = {
  AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 1, COOPERATE: 2, AID: 2, RETREAT: 2, REQUEST: 3,
  REJECT: 3, ACCUSE: 3, THREATEN: 3, SANCTION: 3, PROTEST: 4, MOBILIZE: 4, COERCE: 4, ASSAULT: 4,
};
export const PLOVER_TYPES = Object.keys(PLOVER_QUAD);
export const MODALITIES = ["asserted", "planned", "hypothetical", "reported_denied"];

export function actorLabel(actor) {
  if (!actor) return "—";
  return actor.name && actor.name !== actor.code ? `${actor.name} (${actor.code})` : actor.code;
}

export function number(value, digits = 0) {
  if (value === null || value === undefined) return "—";
  return Number(value).toLocaleString("en", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** "1 source", "3 sources". */
export function count(value, noun) {
  return `${number(value)} ${noun}${value === 1 ? "" : "s"}`;
}

/** The badges that tell how far to trust an event: its type, negation, modality. */
export function eventBadges(item) {
  const badges = [h("span", { class: `badge q${item.quad_class}` }, item.plover ?? item.cameo)];
  if (item.negated) badges.push(h("span", { class: "badge neg" }, "negated"));
  if (item.modality && item.modality !== "asserted") {
    badges.push(h("span", { class: "badge warn" }, item.modality.replace("_", " ")));
  }
  return badges;
}

/** The sentence with the trigger and the actors' words marked. Offsets are in the document;
 *  actor words are found in the sentence (the mention's own words when known). */
export function highlightedSentence(item, words = {}) {
  const text = item.sentence ?? "";
  const spans = [];
  if (item.trigger && item.sentence_span) {
    const start = item.trigger.start - item.sentence_span[0];
    const end = item.trigger.end - item.sentence_span[0];
    if (start >= 0 && end <= text.length) spans.push({ start, end, kind: "trigger" });
  }
  for (const role of ["source", "target"]) {
    const phrase = words[role] ?? item[role]?.name;
    const found = phrase ? find(text, phrase) : null;
    if (found) spans.push({ start: found[0], end: found[1], kind: "actor", role });
  }
  spans.sort((a, b) => a.start - b.start);
  const parts = [];
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor) continue; // overlapping marks: keep the first
    parts.push(text.slice(cursor, span.start));
    const title = span.kind === "trigger" ? `trigger: ${item.cameo_name ?? ""}` : span.role;
    parts.push(h("mark", { class: span.kind, title }, text.slice(span.start, span.end)));
    cursor = span.end;
  }
  parts.push(text.slice(cursor));
  return h("p", { class: "sentence" }, parts);
}

/** Where `phrase` stands in `text`, ignoring case, as [start, end]: as whole words, else as
 *  the start of a longer word ("Iran" in "Iranian", marked whole); null if nowhere. */
function find(text, phrase) {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  for (const ending of ["(?![\\p{L}\\p{N}])", "[\\p{L}\\p{N}]*"]) {
    const match = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}${ending}`, "iu").exec(text);
    if (match) return [match.index, match.index + match[0].length];
  }
  return null;
}

const COLUMNS = [
  { key: "date", label: "Date", sort: "date", cell: (e) => e.date ?? "—" },
  { key: "source", label: "Source", cell: (e) => actorLabel(e.source) },
  { key: "event", label: "Event", cell: (e) => [...eventBadges(e), " ", e.cameo_name ?? ""] },
  { key: "target", label: "Target", cell: (e) => actorLabel(e.target) },
  { key: "place", label: "Place", cell: (e) => e.location?.name ?? "—" },
  { key: "goldstein", label: "Goldstein", sort: "goldstein", num: true, cell: (e) => number(e.goldstein, 1) },
  { key: "mentions", label: "Mentions", sort: "mentions", num: true, cell: (e) => number(e.mentions) },
];

/** A table of event items; `onSelect(item, row)` when a row is chosen, `onSort(sort)` when a
 *  sortable header is clicked (sort is "date", "-date", ...). */
export function eventTable(items, { onSelect, sort, onSort } = {}) {
  const header = COLUMNS.map((column) => {
    const attrs = { class: [column.num ? "num" : "", column.sort && onSort ? "sortable" : ""].join(" ") };
    if (column.sort && onSort) {
      const current = sort?.replace("-", "") === column.sort;
      if (current) attrs["aria-sort"] = sort.startsWith("-") ? "descending" : "ascending";
      attrs.onclick = () => onSort(current && sort.startsWith("-") ? column.sort : `-${column.sort}`);
    }
    return h("th", attrs, column.label);
  });
  const rows = items.map((item) => {
    const row = h(
      "tr",
      {
        class: onSelect ? "clickable" : "",
        dataset: { eventId: item.event_id },
        tabindex: onSelect ? 0 : null,
      },
      COLUMNS.map((column) => h("td", { class: column.num ? "num" : "" }, column.cell(item))),
    );
    if (onSelect) {
      row.addEventListener("click", () => onSelect(item, row));
      row.addEventListener("keydown", (event) => event.key === "Enter" && onSelect(item, row));
    }
    return row;
  });
  if (!rows.length) {
    rows.push(h("tr", {}, h("td", { colspan: COLUMNS.length, class: "empty" }, "No events match.")));
  }
  return h("table", { class: "data events" }, h("thead", {}, h("tr", {}, header)), h("tbody", {}, rows));
}

/** "41–60 of 164" with previous and next buttons calling `onPage(offset)`. */
export function pager({ total, limit, offset }, onPage) {
  const last = Math.min(offset + limit, total);
  return h(
    "div",
    { class: "pager" },
    h("span", {}, total ? `${offset + 1}–${last} of ${number(total)}` : "0 events"),
    h(
      "button",
      { class: "secondary", disabled: offset === 0, onclick: () => onPage(Math.max(0, offset - limit)) },
      "Previous",
    ),
    h(
      "button",
      { class: "secondary", disabled: last >= total, onclick: () => onPage(offset + limit) },
      "Next",
    ),
  );
}

/** A compact list of events with their evidence, each linking to its page in the table. */
export function eventList(items) {
  if (!items.length) return h("p", { class: "empty" }, "No events.");
  return h(
    "ul",
    { class: "mentions" },
    items.map((item) =>
      h(
        "li",
        { dataset: { eventId: item.event_id } },
        h(
          "div",
          { class: "muted" },
          `${item.date ?? "—"} · `,
          actorLabel(item.source),
          " → ",
          actorLabel(item.target),
          " ",
          ...eventBadges(item),
        ),
        highlightedSentence(item),
        h("a", { href: `/events?id=${item.event_id}` }, "Open the evidence"),
      ),
    ),
  );
}

/** A <datalist> of the actors with most events, for the actor inputs. */
export function actorOptions(actors) {
  return h(
    "datalist",
    { id: "actor-codes" },
    actors.map((actor) => h("option", { value: actor.code }, `${actor.name} (${actor.events})`)),
  );
}

/** A figure in a card: a count or a short text, with its label. */
export function stat(label, value, { color, size = "" } = {}) {
  return h(
    "div",
    { class: "card stat" },
    h(
      "div",
      { class: `value ${size}`, style: color ? `color:${color}` : null },
      typeof value === "number" ? number(value) : value,
    ),
    h("div", { class: "label" }, label),
  );
}

/** A filter form bound to `state`: `build({ field, choice })` lays out its controls, where
 *  `field(label, name, attrs)` is a labelled input and `choice(label, name, options, blank)`
 *  a labelled select of [value, text] options. Submitting or choosing calls `onApply`. */
export function filterForm(state, onApply, build, attrs = {}) {
  const labelled = (label, control) => h("label", {}, label, control);
  const field = (label, name, extra = {}) =>
    labelled(
      label,
      h("input", {
        name,
        value: state[name],
        type: "text",
        oninput: (e) => {
          state[name] = e.target.value;
        },
        ...extra,
      }),
    );
  const choice = (label, name, options, blank) =>
    labelled(
      label,
      h(
        "select",
        {
          name,
          onchange: (e) => {
            state[name] = e.target.value;
            onApply();
          },
        },
        blank === undefined ? null : h("option", { value: "" }, blank),
        options.map(([value, text]) => h("option", { value, selected: value === state[name] }, text)),
      ),
    );
  const submit = (event) => {
    event.preventDefault();
    onApply();
  };
  return h("form", { class: "filters card", onsubmit: submit, ...attrs }, build({ field, choice }));
}

/** The same values as [value, text] options, underscores shown as spaces. */
export function options(values) {
  return values.map((value) => [value, value.replace("_", " ")]);
}

/** The page's filter values written back into the address bar, so a view can be linked. */
export function keepInAddress(values) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) query.set(key, value);
  history.replaceState(null, "", `${location.pathname}${query.size ? `?${query}` : ""}`);
}
