// The REST API under /api, and the vendored libraries, loaded only by the pages that use them.

/** GET /api/<path> with the non-empty params; throws the API's error message on 4xx/5xx. */
export async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, value);
  }
  const url = `/api/${path}${query.size ? `?${query}` : ""}`;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body?.error?.message ?? `${response.status} ${response.statusText}`;
    throw new Error(`${message} (${url})`);
  }
  return body;
}

/** The actors for the pickers, and the pair a page opens on: ?a=&b= in the address, else
 *  the busiest dyad of the store. */
export async function actorsAndPair(params) {
  const [summary, actors] = await Promise.all([api("summary"), api("actors", { limit: 200 })]);
  const top = summary.top_dyads[0];
  return { actors, a: params.get("a") ?? top?.source ?? "", b: params.get("b") ?? top?.target ?? "" };
}

const LIBRARIES = {
  echarts: "/static/vendor/echarts/echarts.min.js",
  cytoscape: "/static/vendor/cytoscape/cytoscape.min.js",
  topojson: "/static/vendor/topojson-client/topojson-client.min.js",
};
const loading = {};

/** Load a vendored library (a classic script defining a global) once; resolve to the global. */
export function library(name) {
  loading[name] ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = LIBRARIES[name];
    script.onload = () => resolve(window[name]);
    script.onerror = () => reject(new Error(`could not load ${script.src}`));
    document.head.append(script);
  });
  return loading[name];
}

/** Fetch a static JSON asset shipped with the package (the world map). */
export async function asset(path) {
  const response = await fetch(`/static/${path}`);
  if (!response.ok) throw new Error(`could not load /static/${path}`);
  return response.json();
}
