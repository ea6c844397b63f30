// Time series from the API list only the periods that have events; charts need every period.

const DAY = 86400000;

/** `points` (each with `key` a period start "YYYY-MM" or "YYYY-MM-DD") with the empty periods
 *  between the first and the last filled in as zero points. */
export function allPeriods(points, key, interval) {
  if (!points.length) return [];
  const byPeriod = new Map(points.map((p) => [p[key], p]));
  const monthly = points[0][key].length === 7;
  const periods = [];
  let at = parse(points[0][key]);
  const end = parse(points[points.length - 1][key]);
  while (at <= end && periods.length < 5000) {
    const label = monthly ? format(at).slice(0, 7) : format(at);
    periods.push(
      byPeriod.get(label) ?? {
        [key]: label,
        events: 0,
        quad1: 0,
        quad2: 0,
        quad3: 0,
        quad4: 0,
        goldstein: null,
      },
    );
    at = next(at, interval);
  }
  return periods;
}

function parse(period) {
  return new Date(`${period.length === 7 ? `${period}-01` : period}T00:00:00Z`);
}

function format(date) {
  return date.toISOString().slice(0, 10);
}

function next(date, interval) {
  if (interval === "month") return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
  return new Date(date.getTime() + (interval === "week" ? 7 : 1) * DAY);
}

/** The last day of the period starting at `period`, for turning a brushed range into dates. */
export function periodEnd(period, interval) {
  return format(new Date(next(parse(period), interval).getTime() - DAY));
}
