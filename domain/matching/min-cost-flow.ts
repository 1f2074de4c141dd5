/**
 * Min-cost flow by successive shortest paths with node potentials (Dijkstra on reduced costs),
 * one unit at a time from a chosen source, stopping as soon as the sink is settled. Arcs are
 * stored in flat arrays (arc i and its reverse i ^ 1) because the batch builds tens of thousands.
 * Costs must be non-negative when the graph is built; potentials keep them so afterwards.
 */

/** A binary min-heap of (key, node) in typed arrays sized once (one entry per arc relaxed at most). */
class MinHeap {
  private keys = new Float64Array(0);
  private nodes = new Int32Array(0);
  size = 0;

  reserve(capacity: number): void {
    if (this.keys.length < capacity) [this.keys, this.nodes] = [new Float64Array(capacity), new Int32Array(capacity)];
  }

  push(key: number, node: number): void {
    const { keys, nodes } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      nodes[i] = nodes[parent];
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  /** Removes the smallest entry; returns its node (its key is in `lastKey`). */
  pop(): number {
    const { keys, nodes } = this;
    const top = nodes[0];
    this.lastKey = keys[0];
    const n = --this.size;
    const key = keys[n];
    const node = nodes[n];
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && keys[child + 1] < keys[child]) child++;
        if (keys[child] >= key) break;
        keys[i] = keys[child];
        nodes[i] = nodes[child];
        i = child;
      }
      keys[i] = key;
      nodes[i] = node;
    }
    return top;
  }

  lastKey = 0;

  clear(): void {
    this.size = 0;
  }
}

/** The graph as built (growable lists) and, from the first solve on, as typed arrays. */
interface Arrays<I, F> {
  head: I;
  to: I;
  next: I;
  cap: I;
  cost: F;
  potential: F;
  dist: F;
  parentArc: I;
  seen: I;
  settled: I;
}

export class FlowGraph {
  private building: Arrays<number[], number[]> | null = { head: [], to: [], next: [], cap: [], cost: [], potential: [], dist: [], parentArc: [], seen: [], settled: [] };
  private head = new Int32Array(0);
  private to = new Int32Array(0);
  private next = new Int32Array(0);
  private cap = new Int32Array(0);
  private cost = new Float64Array(0);
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
  private initialCap: Int32Array | null = null;

  private get b(): Arrays<number[], number[]> {
    if (!this.building) throw new Error('FlowGraph: no nodes or arcs can be added after the first solve');
    return this.building;
  }

  addNode(): number {
    const b = this.b;
    b.head.push(-1);
    b.potential.push(-this.shift);
    b.dist.push(0);
    b.parentArc.push(-1);
    b.seen.push(0);
    b.settled.push(0);
    return b.head.length - 1;
  }

  /** Adds arc from → to; returns its index. Its reverse is index ^ 1. */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    const i = this.b.to.length;
    this.pushArc(from, to, capacity, cost);
    this.pushArc(to, from, 0, -cost);
    return i;
  }

  private pushArc(from: number, to: number, capacity: number, cost: number): void {
    const b = this.b;
    b.to.push(to);
    b.cap.push(capacity);
    b.cost.push(cost);
    b.next.push(b.head[from]);
    b.head[from] = b.to.length - 1;
  }

  /** Built: from now on the graph lives in typed arrays (capacities are whole units). */
  private freeze(): void {
    const b = this.b;
    this.head = Int32Array.from(b.head);
    this.to = Int32Array.from(b.to);
    this.next = Int32Array.from(b.next);
    this.cap = Int32Array.from(b.cap);
    this.cost = Float64Array.from(b.cost);
    this.potential = Float64Array.from(b.potential);
    this.dist = Float64Array.from(b.dist);
    this.parentArc = Int32Array.from(b.parentArc);
    this.seen = Int32Array.from(b.seen);
    this.settled = Int32Array.from(b.settled);
    this.touched = new Int32Array(b.head.length);
    this.heap.reserve(b.to.length + 1);
    this.initialCap = Int32Array.from(b.cap);
    this.building = null;
  }

  /** Back to zero flow and zero potentials, with the given arcs closed: re-solve without rebuilding. */
  reset(closed: Iterable<number> = []): void {
    if (this.building) this.freeze();
    this.cap.set(this.initialCap as Int32Array);
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
    if (this.building) this.freeze();
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
