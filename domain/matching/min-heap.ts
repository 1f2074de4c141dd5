/**
 * The priority queue of the flow solver's Dijkstra (min-cost-flow.ts): a binary min-heap of
 * (key, node) in typed arrays sized once (one entry per arc relaxed at most).
 */
export class MinHeap {
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
