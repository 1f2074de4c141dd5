/**
 * The lat/lng grid of a staff index: each 0.02° cell lists its members widest service radius first,
 * and a point gets the cells some member of which could reach it, each with a proved lower bound on
 * the distance to its nearest point (so a scan skips whole cells, and stops inside a cell at the
 * first member whose radius cannot reach). Without the grid, everyone is one cell.
 */

export const RAD = Math.PI / 180;
/** Must stay equal to geo.ts: `scan` repeats distanceKm's formula operation for operation. */
export const EARTH_RADIUS_KM = 6371.0088;
/** Grid cell size in degrees (≈ 2.2 km north–south). */
const CELL_DEG = 0.02;
/** Pre-checks only skip people who are clearly out of reach; this keeps rounding on the safe side. */
export const SAFE = 1 + 1e-6;

/** A cell's members (staff numbers, widest radius first) and a lower bound on their distance, as haversine h. */
export interface Cell {
  members: Int32Array;
  reachH: number;
}

export class StaffGrid {
  private readonly cells: Map<number, Int32Array> | null;
  private readonly everyone: Int32Array;
  private readonly maxRadiusKm: number;

  /** `radiusH`: each radius as padded haversine h (StaffIndex.radiusH). */
  constructor(lat: Float64Array, lng: Float64Array, radius: Float64Array, private readonly radiusH: Float64Array, withGrid: boolean) {
    this.maxRadiusKm = radius.reduce((m, r) => Math.max(m, r), 0);
    this.cells = withGrid ? StaffGrid.build(lat, lng, radius) : null;
    this.everyone = Int32Array.from(lat, (_, i) => i);
  }

  private static build(lat: Float64Array, lng: Float64Array, radius: Float64Array): Map<number, Int32Array> {
    const lists = new Map<number, number[]>();
    for (let i = 0; i < lat.length; i++) {
      const key = cellKey(cellOf(lat[i]), cellOf(lng[i]));
      const list = lists.get(key);
      if (list) list.push(i);
      else lists.set(key, [i]);
    }
    const cells = new Map<number, Int32Array>();
    for (const [key, list] of lists) cells.set(key, Int32Array.from(list.sort((i, j) => radius[j] - radius[i])));
    return cells;
  }

  /**
   * The cells some member of which could reach the point, each with a lower bound on the distance
   * to its nearest point, as haversine h (d = 2R·asin(√h)). With Δφ ≥ the latitude gap, Δλ ≥ the
   * longitude gap and cosφ ≥ the cell's smallest cos, h = sin²(Δφ/2) + cosφ₁·cosφ₂·sin²(Δλ/2) is at
   * least sin²(gapφ/2) + cosφ₁·cosMin·sin²(gapλ/2).
   */
  cellsNear(point: { lat: number; lng: number }): Cell[] {
    if (!this.cells) return [{ members: this.everyone, reachH: -Infinity }];
    const { lat, lng } = point;
    const dLat = (this.maxRadiusKm / (EARTH_RADIUS_KM * RAD)) * SAFE;
    const cosP = Math.cos(lat * RAD);
    const cosBand = Math.min(Math.cos((lat - dLat) * RAD), Math.cos((lat + dLat) * RAD), cosP);
    const sinMax = Math.sin(Math.min(Math.PI / 2, (this.maxRadiusKm * SAFE) / (2 * EARTH_RADIUS_KM)));
    const s = sinMax / Math.sqrt(Math.max(0, cosP * cosBand));
    const dLng = s < 1 ? ((2 * Math.asin(s)) / RAD) * SAFE : Infinity;
    // Near a pole or the date line, or a huge radius: look at everyone (never in practice).
    if (!(lat - dLat > -90 && lat + dLat < 90 && lng - dLng > -180 && lng + dLng < 180)) return [{ members: this.everyone, reachH: -Infinity }];
    const found: Cell[] = [];
    for (let ci = cellOf(lat - dLat); ci <= cellOf(lat + dLat); ci++) {
      const gapLat = Math.max(0, ci * CELL_DEG - lat, lat - (ci + 1) * CELL_DEG) * RAD;
      const cosCell = Math.min(Math.cos(ci * CELL_DEG * RAD), Math.cos((ci + 1) * CELL_DEG * RAD));
      const latTerm = Math.sin(gapLat / 2) ** 2;
      const lngFactor = cosP * cosCell;
      for (let cj = cellOf(lng - dLng); cj <= cellOf(lng + dLng); cj++) {
        const members = this.cells.get(cellKey(ci, cj));
        if (!members) continue;
        const gapLng = Math.max(0, cj * CELL_DEG - lng, lng - (cj + 1) * CELL_DEG) * RAD;
        const reachH = (latTerm + lngFactor * Math.sin(gapLng / 2) ** 2) / SAFE;
        if (this.radiusH[members[0]] >= reachH) found.push({ members, reachH });
      }
    }
    return found;
  }
}

const cellOf = (deg: number): number => Math.floor(deg / CELL_DEG);
/** Cells as one number: latitude rows of 10,000 longitude columns (0.02° → 18,000 columns). */
const cellKey = (i: number, j: number): number => i * 100_000 + j;

