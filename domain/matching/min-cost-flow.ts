/**
 * Min-cost flow by successive shortest paths with node potentials (Dijkstra on reduced costs),
 * one unit at a time from a chosen source, stopping as soon as the sink is settled. Arcs are
 * stored in flat arrays (arc i and its reverse i ^ 1) because the batch builds tens of thousands.
 * Costs must be non-negative when the graph is built; potentials keep them so afterwards.
 */
import { MinHeap } from './min-heap';

/** A typed array at least `size` long, keeping its contents (doubling, so adding stays cheap). */
function grown<T extends Int32Array | Float64Array>(a: T, size: number): T {
  if (a.length >= size) return a;
  const bigger = new (a.constructor as new (n: number) => T)(Math.max(size, 2 * a.length));
  bigger.set(a);
  return bigger;
}

export class FlowGraph {
  /** Typed arrays from the start (sized by the hints, grown by doubling): no lists to copy. */
  private nodeCount = 0;
  private arcCount = 0;
  private built = false;
  private head: Int32Array;
  private to: Int32Array;
  private next: Int32Array;
  private cap: Int32Array;
  private cost: Float64Array;
  private potential = new Float64Array(0);
  /** Added to every stored potential: lets an early-exit Dijkstra update only what it settled. */
  private shift = 0;
  private dist = new Float64Array(0);
  private parentArc = new Int32Array(0);
  private seen = new Int32Array(0);
  private settled = new Int32Array(0);
  private touched = new Int32Array(0);
  private round = 0;
  private readonly heap = new MinHeap();
  private initialCap = new Int32Array(0);

  /** The hints (expected nodes and arcs, reverse arcs not counted) only save regrowing. */
  constructor(nodeHint = 16, arcHint = 16) {
    this.head = new Int32Array(Math.max(1, nodeHint));
    this.to = new Int32Array(Math.max(2, 2 * arcHint));
    this.next = new Int32Array(this.to.length);
    this.cap = new Int32Array(this.to.length);
    this.cost = new Float64Array(this.to.length);
  }

  addNode(): number {
    if (this.built) throw new Error('FlowGraph: no nodes or arcs can be added after the first solve');
    if (this.nodeCount >= this.head.length) this.head = grown(this.head, this.nodeCount + 1);
    this.head[this.nodeCount] = -1;
    return this.nodeCount++;
  }

  /** Adds arc from → to; returns its index. Its reverse is index ^ 1. */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    if (this.built) throw new Error('FlowGraph: no nodes or arcs can be added after the first solve');
    const i = this.arcCount;
    if (i + 2 > this.to.length) {
      this.to = grown(this.to, i + 2);
      this.next = grown(this.next, i + 2);
      this.cap = grown(this.cap, i + 2);
      this.cost = grown(this.cost, i + 2);
    }
    this.pushArc(from, to, capacity, cost);
    this.pushArc(to, from, 0, -cost);
    return i;
  }

  private pushArc(from: number, to: number, capacity: number, cost: number): void {
    const a = this.arcCount++;
    this.to[a] = to;
    this.cap[a] = capacity;
    this.cost[a] = cost;
    this.next[a] = this.head[from];
    this.head[from] = a;
  }

  /** Built: the per-node work arrays are sized once (capacities are whole units). */
  private freeze(): void {
    const n = this.nodeCount;
    this.potential = new Float64Array(n);
    this.dist = new Float64Array(n);
    this.parentArc = new Int32Array(n).fill(-1);
    this.seen = new Int32Array(n);
    this.settled = new Int32Array(n);
    this.touched = new Int32Array(n);
    this.heap.reserve(this.arcCount + 1);
    this.initialCap = this.cap.slice();
    this.built = true;
  }

  /** Back to zero flow and zero potentials, with the given arcs closed: re-solve without rebuilding. */
  reset(closed: Iterable<number> = []): void {
    if (!this.built) this.freeze();
    this.cap.set(this.initialCap);
    for (const a of closed) this.cap[a] = 0;
    this.potential.fill(0);
    this.shift = 0;
  }

  /** Units flowing on an arc added with addArc. */
  flowOn(arc: number): number {
    return this.cap[arc ^ 1];
  }

  arcTarget(arc: number): number {
    return this.to[arc];
  }

  /** Arcs leaving a node that were added with addArc from it (not reverse arcs). */
  *forwardArcs(node: number): Generator<number> {
    for (let a = this.head[node]; a !== -1; a = this.next[a]) if ((a & 1) === 0) yield a;
  }

  private pot(v: number): number {
    return this.potential[v] + this.shift;
  }

  /**
   * Sends one unit from `source` (a fresh node with only outgoing arcs) to `sink` along a
   * cheapest path. Returns the path's cost, or null when the sink cannot be reached.
   */
  augment(source: number, sink: number): number | null {
    if (!this.built) this.freeze();
    this.admitSource(source);
    const reach = this.shortestPath(source, sink);
    if (reach === null) return null;
    let total = 0;
    for (let v = sink; v !== source; ) {
      const a = this.parentArc[v];
      this.cap[a] -= 1;
      this.cap[a ^ 1] += 1;
      total += this.cost[a];
      v = this.to[a ^ 1];
    }
    return total;
  }

  /**
   * Closes an arc added with addArc and keeps the flow a min-cost one for the remaining network.
   * A unit it carried is taken off (its tail is left with one unit too many, its head one short)
   * and sent from the tail to the head along a cheapest residual path: one step of successive
   * shortest paths. Closing only removes residual arcs, so the potentials stay valid and Dijkstra
   * still applies. Returns false when no such path exists (the unit is then lost: re-solve).
   */
  closeArc(arc: number): boolean {
    if (!this.built) this.freeze();
    const carried = this.cap[arc ^ 1];
    this.cap[arc] = 0;
    this.cap[arc ^ 1] = 0;
    for (let unit = 0; unit < carried; unit++) {
      const tail = this.to[arc ^ 1];
      const head = this.to[arc];
      if (this.shortestPath(tail, head) === null) return false;
      for (let v = head; v !== tail; ) {
        const a = this.parentArc[v];
        this.cap[a] -= 1;
        this.cap[a ^ 1] += 1;
        v = this.to[a ^ 1];
      }
    }
    return true;
  }

  /**
   * The cheap way to close `path[0]`: take one unit off the whole path (each arc carries one,
   * path[0] leaves the unit's source, the last arc enters the sink), so the source can simply be
   * augmented again. Re-opened arcs must keep reduced cost ≥ 0; where one does not, its tail's
   * potential is raised, which is allowed only if every other residual arc into the tail keeps
   * reduced cost ≥ 0. Returns false, changing nothing, when that fails: then use closeArc.
   */
  withdraw(path: readonly number[]): boolean {
    if (!this.built) this.freeze();
    const lift = new Float64Array(path.length);
    for (let k = path.length - 1; k >= 1; k--) {
      const a = path[k];
      const tail = this.to[a ^ 1];
      if (this.cap[a ^ 1] <= 0) return false;
      // Raising the next arc's tail (done at k + 1, which is this arc's head) is already counted.
      const rc = this.cost[a] + this.pot(tail) - this.pot(this.to[a]) - (k + 1 < path.length ? lift[k + 1] : 0);
      if (rc >= 0) continue;
      for (let e = this.head[tail]; e !== -1; e = this.next[e]) {
        const into = e ^ 1;
        // path[k - 1] is checked next (with this lift); a's reverse goes away with the unit.
        if (into === path[k - 1] || e === a || this.cap[into] <= 0) continue;
        if (this.cost[into] + this.pot(this.to[e]) - this.pot(tail) < -rc) return false;
      }
      lift[k] = -rc;
    }
    if (this.cap[path[0] ^ 1] <= 0) return false;
    for (let k = 0; k < path.length; k++) {
      this.cap[path[k]] += 1;
      this.cap[path[k] ^ 1] -= 1;
      if (k > 0) this.potential[this.to[path[k] ^ 1]] += lift[k];
    }
    this.cap[path[0]] = 0;
    return true;
  }

  /** A new source has no arcs in; raise its potential so its own arcs have reduced cost ≥ 0. */
  private admitSource(source: number): void {
    let need = -Infinity;
    for (let a = this.head[source]; a !== -1; a = this.next[a]) {
      if (this.cap[a] > 0) need = Math.max(need, this.pot(this.to[a]) - this.cost[a]);
    }
    if (need > this.pot(source)) this.potential[source] = need - this.shift;
  }

  private shortestPath(source: number, sink: number): number | null {
    const round = ++this.round;
    const { dist, seen, settled, parentArc, heap, touched } = this;
    let touchedCount = 0;
    heap.clear();
    dist[source] = 0;
    seen[source] = round;
    heap.push(0, source);
    let sinkDist = -1;
    while (heap.size > 0) {
      const u = heap.pop();
      const du = heap.lastKey;
      if (settled[u] === round || du > dist[u]) continue;
      settled[u] = round;
      touched[touchedCount++] = u;
      if (u === sink) {
        sinkDist = du;
        break;
      }
      const pu = this.pot(u);
      for (let a = this.head[u]; a !== -1; a = this.next[a]) {
        if (this.cap[a] <= 0) continue;
        const v = this.to[a];
        if (settled[v] === round) continue;
        const nd = du + this.cost[a] + pu - this.pot(v);
        if (seen[v] !== round || nd < dist[v]) {
          seen[v] = round;
          dist[v] = nd;
          parentArc[v] = a;
          heap.push(nd, v);
        }
      }
    }
    if (sinkDist < 0) return null;
    // Settled nodes move by their distance, all others by the sink's (via the shared shift).
    this.shift += sinkDist;
    for (let k = 0; k < touchedCount; k++) {
      const v = touched[k];
      this.potential[v] += dist[v] - sinkDist;
    }
    return sinkDist;
  }
}
