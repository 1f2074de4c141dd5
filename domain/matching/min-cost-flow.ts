/**
 * Min-cost flow by successive shortest paths with node potentials (Dijkstra on reduced costs),
 * one unit at a time from a chosen source, stopping as soon as the sink is settled. Arcs are
 * stored in flat arrays (arc i and its reverse i ^ 1) because the batch builds tens of thousands.
 * Costs must be non-negative when the graph is built; potentials keep them so afterwards.
 */

class MinHeap {
  private keys: number[] = [];
  private nodes: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, node: number): void {
    const { keys, nodes } = this;
    let i = keys.length;
    keys.push(key);
    nodes.push(node);
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
    const key = keys.pop() as number;
    const node = nodes.pop() as number;
    const n = keys.length;
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
    this.keys.length = 0;
    this.nodes.length = 0;
  }
}

export class FlowGraph {
  private head: number[] = [];
  private to: number[] = [];
  private next: number[] = [];
  private cap: number[] = [];
  private cost: number[] = [];
  private potential: number[] = [];
  /** Added to every stored potential: lets an early-exit Dijkstra update only what it settled. */
  private shift = 0;
  private dist: number[] = [];
  private parentArc: number[] = [];
  private seen: number[] = [];
  private settled: number[] = [];
  private round = 0;
  private readonly heap = new MinHeap();

  addNode(): number {
    this.head.push(-1);
    this.potential.push(-this.shift);
    this.dist.push(0);
    this.parentArc.push(-1);
    this.seen.push(0);
    this.settled.push(0);
    return this.head.length - 1;
  }

  /** Adds arc from → to; returns its index. Its reverse is index ^ 1. */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    const i = this.to.length;
    this.pushArc(from, to, capacity, cost);
    this.pushArc(to, from, 0, -cost);
    return i;
  }

  private pushArc(from: number, to: number, capacity: number, cost: number): void {
    this.to.push(to);
    this.cap.push(capacity);
    this.cost.push(cost);
    this.next.push(this.head[from]);
    this.head[from] = this.to.length - 1;
  }

  private initialCap: number[] | null = null;

  /** Back to zero flow and zero potentials, with the given arcs closed: re-solve without rebuilding. */
  reset(closed: Iterable<number> = []): void {
    if (!this.initialCap) this.initialCap = [...this.cap];
    else for (let a = 0; a < this.cap.length; a++) this.cap[a] = this.initialCap[a];
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
    const { dist, seen, settled, parentArc, heap } = this;
    const touched: number[] = [];
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
      touched.push(u);
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
    for (const v of touched) this.potential[v] += dist[v] - sinkDist;
    return sinkDist;
  }
}
