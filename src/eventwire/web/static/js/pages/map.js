// Where events happened, on Natural Earth country shapes shipped with the package (no tiles).
import { api, asset, library } from "../api.js";
import { chart } from "../charts.js";
import { actorOptions, eventList, filterForm, h, keepInAddress, number } from "../ui.js";

const MARKER = "#c0392b";

export async function render(main, params) {
  const state = {
    actor: params.get("actor") ?? "",
    since: params.get("since") ?? "",
    until: params.get("until") ?? "",
  };
  const [echarts, topojson, world, actors] = await Promise.all([
    library("echarts"),
    library("topojson"),
    asset("vendor/world-atlas/countries-50m.json"),
    api("actors", { limit: 200 }),
  ]);
  const countries = topojson.feature(world, world.objects.countries);
  countries.features = countries.features.filter((f) => f.properties.name !== "Antarctica").map(unwrap);
  echarts.registerMap("world", countries);

  const plot = h("div", { class: "chart map", id: "map-chart" });
  const caption = h("p", { class: "muted", id: "map-caption" });
  const panel = h(
    "aside",
    { class: "card", id: "place-events" },
    h("p", { class: "empty" }, "Click a place to list its events."),
  );
  main.append(
    h("h1", {}, "Map"),
    h(
      "p",
      { class: "lead" },
      "Event locations; circle area grows with the number of events. Scroll to zoom, drag to pan.",
    ),
    mapForm(state, () => draw()),
    h("div", { class: "grid side" }, h("section", { class: "card" }, plot, caption), panel),
    actorOptions(actors),
  );
  const instance = chart(echarts, plot, {});
  instance.on("click", "series", (event) => showPlace(panel, event.data.place, state));
  window.eventwire = { ...window.eventwire, map: instance }; // a handle for the browser tests

  async function draw() {
    keepInAddress(state);
    const places = await api("places", state);
    instance.setOption(option(places, echarts.format.encodeHTML), { notMerge: true });
    const total = places.reduce((sum, p) => sum + p.events, 0);
    caption.textContent = `${number(total)} located events at ${number(places.length)} places. Boundaries: Natural Earth 1:50m (public domain).`;
  }
  await draw();
}

/** A flat projection draws a ring that crosses the antimeridian (Russia's Chukotka, Fiji) as a
 *  line across the whole map: move such a ring's western points east of 180° instead. */
function unwrap(feature) {
  const crosses = (ring) => ring.some((point, i) => i > 0 && Math.abs(point[0] - ring[i - 1][0]) > 180);
  const shift = (ring) => (crosses(ring) ? ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]) : ring);
  const { type, coordinates } = feature.geometry;
  const polygons = type === "Polygon" ? [coordinates] : coordinates;
  const unwrapped = polygons.map((polygon) => polygon.map(shift));
  return { ...feature, geometry: { type, coordinates: type === "Polygon" ? unwrapped[0] : unwrapped } };
}

function mapForm(state, onApply) {
  return filterForm(state, onApply, ({ field }) => [
    field("Actor (either side)", "actor", { list: "actor-codes", placeholder: "any" }),
    field("Since", "since", { type: "date" }),
    field("Until", "until", { type: "date" }),
    h("button", { type: "submit" }, "Apply"),
  ]);
}

/** The map and its places; `escape` makes a place name safe in the tooltip's HTML. */
function option(places, escape) {
  const most = Math.max(1, ...places.map((p) => p.events));
  return {
    animation: false,
    tooltip: {
      trigger: "item",
      formatter: ({ data: { place } }) =>
        `${escape([place.name, place.country].filter(Boolean).join(", "))}<br>${place.events} events`,
    },
    geo: {
      map: "world",
      roam: true,
      ...view(places),
      top: 12,
      bottom: 12,
      left: 12,
      right: 12,
      itemStyle: { areaColor: "#e3e7ed", borderColor: "#b3bcc8", borderWidth: 0.6 },
      emphasis: { disabled: true },
      select: { disabled: true },
      tooltip: { show: false },
    },
    series: [
      {
        type: "scatter",
        coordinateSystem: "geo",
        data: places.map((place) => ({
          name: place.name,
          value: [place.lon, place.lat, place.events],
          place,
        })),
        symbolSize: (value) => 6 + 22 * Math.sqrt(value[2] / most),
        itemStyle: { color: MARKER, opacity: 0.75, borderColor: "#fff", borderWidth: 1 },
        emphasis: { scale: 1.3 },
      },
    ],
  };
}

/** Centre and zoom that frame the places, with some room around them. */
function view(places) {
  if (!places.length) return {};
  const lons = places.map((p) => p.lon);
  const lats = places.map((p) => p.lat);
  const [west, east, south, north] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const span = Math.max(east - west, (north - south) * 1.6, 20);
  return { center: [(west + east) / 2, (south + north) / 2], zoom: Math.min(8, Math.max(1, 300 / span)) };
}

async function showPlace(panel, place, state) {
  const page = await api("events", {
    place: place.name,
    actor: state.actor,
    since: state.since,
    until: state.until,
    limit: 30,
  });
  panel.replaceChildren(
    h("h2", {}, `${place.name}${place.country ? `, ${place.country}` : ""}`),
    h("p", { class: "muted" }, `${number(page.total)} events`),
    eventList(page.items),
  );
}
