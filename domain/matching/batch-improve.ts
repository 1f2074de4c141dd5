/**
 * Turning a relaxed answer into a feasible one, and making it better: drop clashing bookings,
 * re-seat them where they fit best, then move or swap single bookings while that lowers the
 * objective. Every step keeps the answer feasible (no clash, no cap broken).
 */
import { dayCost, holdings, overlaps, type Assignment, type BatchModel } from './batch-model';

interface State {
  m: BatchModel;
  x: Assignment;
  held: number[][];
}

function fits(s: State, b: number, slot: number, ignore = -1): boolean {
  const list = s.held[slot];
  let count = 0;
  const p = s.m.bookings[b].p;
  for (const o of list) {
    if (o === b || o === ignore) continue;
    count++;
    if (overlaps(s.m.bookings[o].p, p)) return false;
  }
  return count < s.m.slots[slot].capLeft;
}

/** What booking b costs where it sits now (its base + the last day-visit of its person-day). */
function costHere(s: State, b: number): number {
  const o = s.x[b];
  if (o < 0) return s.m.weights.unassigned;
  const slot = s.m.bookings[b].options[o].slot;
  return s.m.bookings[b].options[o].baseCost + dayCost(s.m, slot, s.held[slot].length - 1);
}

function move(s: State, b: number, o: number): void {
  const old = s.x[b];
  if (old >= 0) {
    const list = s.held[s.m.bookings[b].options[old].slot];
    list.splice(list.indexOf(b), 1);
  }
  s.x[b] = o;
  if (o >= 0) s.held[s.m.bookings[b].options[o].slot].push(b);
}

/** Removes clashes: in each person-day, keeps bookings in start order while they fit. */
function dropClashes(s: State): number[] {
  const dropped: number[] = [];
  s.held.forEach((list) => {
    const byStart = [...list].sort((a, b) => s.m.bookings[a].p.busyStartMs - s.m.bookings[b].p.busyStartMs);
    const kept: number[] = [];
    for (const b of byStart) {
      if (kept.every((k) => !overlaps(s.m.bookings[k].p, s.m.bookings[b].p))) kept.push(b);
      else dropped.push(b);
    }
  });
  for (const b of dropped) move(s, b, -1);
  return dropped;
}

/** One pass of single moves (incl. seating the unassigned); true if anything improved. */
function relocatePass(s: State): boolean {
  let improved = false;
  s.m.bookings.forEach((bk, b) => {
    const here = costHere(s, b);
    const mySlot = s.x[b] >= 0 ? bk.options[s.x[b]].slot : -1;
    let best = -1;
    let bestCost = here - 1e-9;
    bk.options.forEach((o, i) => {
      if (o.slot === mySlot || !fits(s, b, o.slot)) return;
      const c = o.baseCost + dayCost(s.m, o.slot, s.held[o.slot].length);
      if (c < bestCost) [best, bestCost] = [i, c];
    });
    if (best >= 0) {
      move(s, b, best);
      improved = true;
    }
  });
  return improved;
}

/** One pass of swaps between two seated bookings' people; true if anything improved. */
function swapPass(s: State): boolean {
  let improved = false;
  const { m } = s;
  m.bookings.forEach((bk, b) => {
    if (s.x[b] < 0) return;
    const slotB = bk.options[s.x[b]].slot;
    bk.options.forEach((target) => {
      if (s.x[b] < 0 || target.slot === bk.options[s.x[b]].slot) return;
      for (const c of s.held[target.slot]) {
        const back = m.bookings[c].options.findIndex((o) => o.slot === slotB);
        if (back < 0) continue;
        const before = m.bookings[b].options[s.x[b]].baseCost + m.bookings[c].options[s.x[c]].baseCost;
        const after = target.baseCost + m.bookings[c].options[back].baseCost;
        if (after >= before - 1e-9 || !fits(s, b, target.slot, c) || !fits(s, c, slotB, b)) continue;
        const to = m.bookings[b].options.indexOf(target);
        move(s, b, -1);
        move(s, c, back);
        move(s, b, to);
        improved = true;
        return;
      }
    });
  });
  return improved;
}

const MAX_PASSES = 50;

/** A feasible assignment at least as good as can be reached from x by local moves. */
export function repairAndImprove(m: BatchModel, relaxed: Assignment): Assignment {
  const s: State = { m, x: Int32Array.from(relaxed), held: holdings(m, relaxed) };
  dropClashes(s);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const moved = relocatePass(s);
    const swapped = swapPass(s);
    if (!moved && !swapped) break;
  }
  return s.x;
}
