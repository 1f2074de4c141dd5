/**
 * Turning a relaxed answer into a feasible one, and making it better: drop clashing bookings,
 * re-seat them where they fit best, then move or swap single bookings while that lowers the
 * objective. Every step keeps the answer feasible (no clash, no cap broken).
 * The passes run over flat typed arrays (options of booking b at first[b] .. first[b + 1]): they
 * look at every option of every booking several times, and objects cost more than the arithmetic.
 */
import { holdings, type Assignment, type BatchModel } from './batch-model';

/** A swap at least this much worse in base costs is skipped before looking it up. */
const SURELY_WORSE = 1e-6;

interface State {
  x: Assignment;
  held: number[][];
  /** Option j (flat index) of booking b is first[b] + its index in b's options. */
  first: Int32Array;
  slotOf: Int32Array;
  base: Float64Array;
  /** Each booking's cheapest option base: how much a booking could gain by any move is bounded by it. */
  minBase: Float64Array;
  /** Held time of each booking (epoch ms). */
  start: Float64Array;
  end: Float64Array;
  /** Per person-day: visits already held, and how many more fit. */
  v0: Float64Array;
  capLeft: Float64Array;
  step: number;
  unassigned: number;
  /**
   * Whether a booking needs looking at again. A booking's best move or swap depends only on who
   * sits in its options' person-days (and so where it sits itself). Every move stamps the two
   * person-days with `tick`; a booking that found nothing to do at tick T (relocateSeen /
   * swapSeen) would find nothing again while none of its person-days has a stamp ≥ T.
   */
  tick: number;
  changedAt: Int32Array;
  relocateSeen: Int32Array;
  swapSeen: Int32Array;
}

function flatten(m: BatchModel, relaxed: Assignment): State {
  const n = m.bookings.length;
  const first = new Int32Array(n + 1);
  for (let b = 0; b < n; b++) first[b + 1] = first[b] + m.bookings[b].options.length;
  const slotOf = new Int32Array(first[n]);
  const base = new Float64Array(first[n]);
  const minBase = new Float64Array(n).fill(Infinity);
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  for (let b = 0; b < n; b++) {
    const { p, options } = m.bookings[b];
    start[b] = p.busyStartMs;
    end[b] = p.busyEndMs;
    for (let i = 0; i < options.length; i++) {
      slotOf[first[b] + i] = options[i].slot;
      base[first[b] + i] = options[i].baseCost;
      minBase[b] = Math.min(minBase[b], options[i].baseCost);
    }
  }
  return {
    minBase,
    x: Int32Array.from(relaxed),
    held: holdings(m, relaxed),
    first,
    slotOf,
    base,
    start,
    end,
    v0: Float64Array.from(m.slots, (d) => d.v0),
    tick: 1,
    changedAt: new Int32Array(m.slots.length),
    relocateSeen: new Int32Array(n).fill(-1),
    swapSeen: new Int32Array(n).fill(-1),
    capLeft: Float64Array.from(m.slots, (d) => d.capLeft),
    step: m.weights.dayVisitStep,
    unassigned: m.weights.unassigned,
  };
}

/** The k-th (0-based) new visit of a person-day: batch-model.dayCost, same arithmetic. */
const dayCost = (s: State, slot: number, k: number): number => s.step * (s.v0[slot] + k);

/** Booking b's option at this person-day, or -1 (a person appears once in a booking's options). */
function optionOf(s: State, b: number, slot: number): number {
  for (let j = s.first[b]; j < s.first[b + 1]; j++) if (s.slotOf[j] === slot) return j - s.first[b];
  return -1;
}

function fits(s: State, b: number, slot: number, ignore = -1): boolean {
  const list = s.held[slot];
  let count = 0;
  for (let k = 0; k < list.length; k++) {
    const o = list[k];
    if (o === b || o === ignore) continue;
    count++;
    if (s.start[o] < s.end[b] && s.start[b] < s.end[o]) return false;
  }
  return count < s.capLeft[slot];
}

/** What booking b costs where it sits now (its base + the last day-visit of its person-day). */
function costHere(s: State, b: number): number {
  const o = s.x[b];
  if (o < 0) return s.unassigned;
  const slot = s.slotOf[s.first[b] + o];
  return s.base[s.first[b] + o] + dayCost(s, slot, s.held[slot].length - 1);
}

function move(s: State, b: number, o: number): void {
  const old = s.x[b];
  if (old >= 0) {
    const slot = s.slotOf[s.first[b] + old];
    s.held[slot].splice(s.held[slot].indexOf(b), 1);
    s.changedAt[slot] = s.tick;
  }
  s.x[b] = o;
  if (o >= 0) {
    const slot = s.slotOf[s.first[b] + o];
    s.held[slot].push(b);
    s.changedAt[slot] = s.tick;
  }
  s.tick++;
}

/** Nothing changed in booking b's person-days since it was last found with nothing to do at `seen`. */
function unchangedSince(s: State, b: number, seen: number): boolean {
  if (seen < 0) return false;
  for (let j = s.first[b]; j < s.first[b + 1]; j++) if (s.changedAt[s.slotOf[j]] >= seen) return false;
  return true;
}

/** Removes clashes: in each person-day, keeps bookings in start order while they fit. */
function dropClashes(s: State): void {
  const dropped: number[] = [];
  for (const list of s.held) {
    if (list.length < 2) continue;
    const byStart = [...list].sort((a, b) => s.start[a] - s.start[b]);
    const kept: number[] = [];
    for (const b of byStart) {
      if (kept.every((k) => !(s.start[k] < s.end[b] && s.start[b] < s.end[k]))) kept.push(b);
      else dropped.push(b);
    }
  }
  for (const b of dropped) move(s, b, -1);
}

/** One pass of single moves (incl. seating the unassigned); true if anything improved. */
function relocatePass(s: State): boolean {
  let improved = false;
  const n = s.x.length;
  for (let b = 0; b < n; b++) {
    if (unchangedSince(s, b, s.relocateSeen[b])) continue;
    const here = costHere(s, b);
    const mySlot = s.x[b] >= 0 ? s.slotOf[s.first[b] + s.x[b]] : -1;
    let best = -1;
    let bestCost = here - 1e-9;
    for (let j = s.first[b]; j < s.first[b + 1]; j++) {
      const slot = s.slotOf[j];
      if (slot === mySlot) continue;
      const c = s.base[j] + dayCost(s, slot, s.held[slot].length);
      // The price first: it is cheap, and most options lose on it before fits is worth checking.
      if (c < bestCost && fits(s, b, slot)) {
        best = j - s.first[b];
        bestCost = c;
      }
    }
    if (best >= 0) {
      move(s, b, best);
      improved = true;
    } else s.relocateSeen[b] = s.tick;
  }
  return improved;
}

/** One pass of swaps between two seated bookings' people; true if anything improved. */
function swapPass(s: State): boolean {
  let improved = false;
  const n = s.x.length;
  for (let b = 0; b < n; b++) {
    if (s.x[b] < 0 || unchangedSince(s, b, s.swapSeen[b])) continue;
    const tickBefore = s.tick;
    // Where b sat when the pass reached it: later swaps of b in this pass still offer that seat.
    const slotB = s.slotOf[s.first[b] + s.x[b]];
    for (let to = 0; to < s.first[b + 1] - s.first[b]; to++) {
      const target = s.slotOf[s.first[b] + to];
      if (s.x[b] < 0 || target === s.slotOf[s.first[b] + s.x[b]]) continue;
      const list = s.held[target];
      const worse = s.base[s.first[b] + to] - s.base[s.first[b] + s.x[b]];
      for (let k = 0; k < list.length; k++) {
        const c = list[k];
        // c cannot save more than down to its cheapest option: when that cannot pay for b's move,
        // the test on after/before below would refuse anyway (the margin dwarfs rounding).
        if (worse - (s.base[s.first[c] + s.x[c]] - s.minBase[c]) > SURELY_WORSE) continue;
        const back = optionOf(s, c, slotB);
        if (back < 0) continue;
        const before = s.base[s.first[b] + s.x[b]] + s.base[s.first[c] + s.x[c]];
        const after = s.base[s.first[b] + to] + s.base[s.first[c] + back];
        if (after >= before - 1e-9 || !fits(s, b, target, c) || !fits(s, c, slotB, b)) continue;
        move(s, b, -1);
        move(s, c, back);
        move(s, b, to);
        improved = true;
        break;
      }
    }
    if (s.tick === tickBefore) s.swapSeen[b] = s.tick;
  }
  return improved;
}

const MAX_PASSES = 50;

/** A feasible assignment at least as good as can be reached from x by local moves. */
export function repairAndImprove(m: BatchModel, relaxed: Assignment): Assignment {
  const s = flatten(m, relaxed);
  dropClashes(s);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const moved = relocatePass(s);
    const swapped = swapPass(s);
    if (!moved && !swapped) break;
  }
  return s.x;
}
