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

/**
 * The cells near a point, filled in place (no objects per call): cell numbers (into
 * StaffGrid.members) and, for each, a lower bound on its members' distance as haversine h.
 */
export interface NearCells {
  count: number;
  ids: Int32Array;
  reachH: Float64Array;
}

/** One latitude row of the grid: its occupied columns, ascending, and their cell numbers. */
interface Row {
  cols: Int32Array;
  ids: Int32Array;
}

export class StaffGrid {
  /** Each cell's members (staff numbers, widest radius first). Without the grid, cell 0 is everyone. */
  readonly members: Int32Array[];
  /** Occupied cells by row: a point looks up ~15 rows and walks their columns in range (a map
   *  lookup per possible cell cost more than the scan of the people in it). */
  private readonly rows: Map<number, Row> | null;
  private readonly maxRadiusKm: number;

  /** `radiusH`: each radius as padded haversine h (StaffIndex.radiusH). */
  constructor(lat: Float64Array, lng: Float64Array, radius: Float64Array, private readonly radiusH: Float64Array, withGrid: boolean) {
    this.maxRadiusKm = radius.reduce((m, r) => Math.max(m, r), 0);
    this.members = [];
    this.rows = withGrid ? this.build(lat, lng, radius) : null;
    if (!withGrid) this.members.push(Int32Array.from(lat, (_, i) => i));
  }

  private build(lat: Float64Array, lng: Float64Array, radius: Float64Array): Map<number, Row> {
    const lists = new Map<number, Map<number, number[]>>();
    for (let i = 0; i < lat.length; i++) {
      const [ci, cj] = [cellOf(lat[i]), cellOf(lng[i])];
      let row = lists.get(ci);
      if (!row) lists.set(ci, (row = new Map()));
      const list = row.get(cj);
      if (list) list.push(i);
      else row.set(cj, [i]);
    }
    const rows = new Map<number, Row>();
    for (const [ci, row] of lists) {
      const cols = Int32Array.from(row.keys()).sort();
      const ids = Int32Array.from(cols, (cj) => {
        this.members.push(Int32Array.from(row.get(cj)!.sort((i, j) => radius[j] - radius[i])));
        return this.members.length - 1;
      });
      rows.set(ci, { cols, ids });
    }
    return rows;
  }

  /** Room for every cell (what cellsNear may fill). */
  newNearCells(): NearCells {
    return { count: 0, ids: new Int32Array(this.members.length), reachH: new Float64Array(this.members.length) };
  }

  /**
   * The cells some member of which could reach the point, each with a lower bound on the distance
   * to its nearest point, as haversine h (d = 2R·asin(√h)). With Δφ ≥ the latitude gap, Δλ ≥ the
   * longitude gap and cosφ ≥ the cell's smallest cos, h = sin²(Δφ/2) + cosφ₁·cosφ₂·sin²(Δλ/2) is at
   * least sin²(gapφ/2) + cosφ₁·cosMin·sin²(gapλ/2).
   */
  cellsNear(point: { lat: number; lng: number }, out: NearCells): void {
    out.count = 0;
    const everyone = () => {
      for (let id = 0; id < this.members.length; id++) [out.ids[id], out.reachH[id]] = [id, -Infinity];
      out.count = this.members.length;
    };
    if (!this.rows) return everyone();
    const { lat, lng } = point;
    const dLat = (this.maxRadiusKm / (EARTH_RADIUS_KM * RAD)) * SAFE;
    const cosP = Math.cos(lat * RAD);
    const cosBand = Math.min(Math.cos((lat - dLat) * RAD), Math.cos((lat + dLat) * RAD), cosP);
    const sinMax = Math.sin(Math.min(Math.PI / 2, (this.maxRadiusKm * SAFE) / (2 * EARTH_RADIUS_KM)));
    const s = sinMax / Math.sqrt(Math.max(0, cosP * cosBand));
    const dLng = s < 1 ? ((2 * Math.asin(s)) / RAD) * SAFE : Infinity;
    // Near a pole or the date line, or a huge radius: look at everyone (never in practice).
    if (!(lat - dLat > -90 && lat + dLat < 90 && lng - dLng > -180 && lng + dLng < 180)) return everyone();
    const [firstCol, lastCol] = [cellOf(lng - dLng), cellOf(lng + dLng)];
    for (let ci = cellOf(lat - dLat); ci <= cellOf(lat + dLat); ci++) {
      const row = this.rows.get(ci);
      if (!row) continue;
      const gapLat = Math.max(0, ci * CELL_DEG - lat, lat - (ci + 1) * CELL_DEG) * RAD;
      const cosCell = Math.min(Math.cos(ci * CELL_DEG * RAD), Math.cos((ci + 1) * CELL_DEG * RAD));
      const latTerm = Math.sin(gapLat / 2) ** 2;
      const lngFactor = cosP * cosCell;
      const { cols, ids } = row;
      // The first occupied column in range (binary search), then the occupied ones up to lastCol.
      let [lo, hi] = [0, cols.length];
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cols[mid] < firstCol) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < cols.length && cols[k] <= lastCol; k++) {
        const cj = cols[k];
        const gapLng = Math.max(0, cj * CELL_DEG - lng, lng - (cj + 1) * CELL_DEG) * RAD;
        const reachH = (latTerm + lngFactor * Math.sin(gapLng / 2) ** 2) / SAFE;
        if (this.radiusH[this.members[ids[k]][0]] >= reachH) {
          out.ids[out.count] = ids[k];
          out.reachH[out.count++] = reachH;
        }
      }
    }
  }
}

const cellOf = (deg: number): number => Math.floor(deg / CELL_DEG);

