/**
 * Great-circle distance between units given in degrees (lat, lon): haversine on a sphere of radius
 * 6371.0 km, d = 2 R asin(sqrt(sin^2(dlat/2) + cos lat_i cos lat_j sin^2(dlon/2))). This is the
 * convention of test/reference/spatial (not the WGS-84 ellipsoid that spdep's longlat distances use).
 */
import { InputError } from "../frame/errors";

export const EARTH_RADIUS_KM = 6371.0;
const RAD = Math.PI / 180;

export interface Coordinates {
  readonly ids: readonly string[];
  /** Degrees, one per unit. */
  readonly lat: Float64Array;
  readonly lon: Float64Array;
}

/** Precomputed radians and cosines so that one distance costs two sines and one asin. */
export interface DistanceKernel {
  readonly n: number;
  distance(i: number, j: number): number;
}

export function distanceKernel(c: Coordinates): DistanceKernel {
  const n = c.ids.length;
  const phi = new Float64Array(n);
  const lam = new Float64Array(n);
  const cphi = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    phi[i] = c.lat[i] * RAD;
    lam[i] = c.lon[i] * RAD;
    cphi[i] = Math.cos(phi[i]);
  }
  return {
    n,
    distance(i: number, j: number): number {
      const s1 = Math.sin((phi[j] - phi[i]) / 2);
      const s2 = Math.sin((lam[j] - lam[i]) / 2);
      return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(s1 * s1 + cphi[i] * cphi[j] * s2 * s2));
    },
  };
}

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  return distanceKernel({ ids: ["a", "b"], lat: Float64Array.of(lat1, lat2), lon: Float64Array.of(lon1, lon2) }).distance(0, 1);
}

/**
 * Checks coordinates: finite, lat in [-90, 90], lon in [-180, 360], no two units at the same point
 * (a zero distance makes inverse-distance weights infinite and nearest-neighbour sets ambiguous).
 * Messages name the unit(s).
 */
export function checkCoordinates(c: Coordinates, latName = "lat", lonName = "lon"): void {
  const n = c.ids.length;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(c.lat[i]) || !Number.isFinite(c.lon[i])) {
      throw new InputError(`Unit "${c.ids[i]}" has a missing ${!Number.isFinite(c.lat[i]) ? latName : lonName} coordinate; every unit needs both ${latName} and ${lonName}.`);
    }
    if (Math.abs(c.lat[i]) > 90) throw new InputError(`Unit "${c.ids[i]}" has ${latName} = ${c.lat[i]}, outside [-90, 90] degrees (are ${latName} and ${lonName} swapped?).`);
    if (c.lon[i] < -180 || c.lon[i] > 360) throw new InputError(`Unit "${c.ids[i]}" has ${lonName} = ${c.lon[i]}, outside [-180, 360] degrees.`);
  }
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const key = `${c.lat[i]}|${c.lon[i]}`;
    const j = seen.get(key);
    if (j !== undefined) {
      throw new InputError(`Units "${c.ids[j]}" and "${c.ids[i]}" have the same coordinates (${latName} ${c.lat[i]}, ${lonName} ${c.lon[i]}): distances between them are zero. Fix the coordinates or merge the units.`);
    }
    seen.set(key, i);
  }
}
