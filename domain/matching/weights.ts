/**
 * The one place where matching's preferences are weighed. Every term is in "cost points"; lower
 * is better. One point ≈ one kilometre of travel, so every weight reads as "worth this many km".
 */
export interface MatchWeights {
  /** Cost per kilometre between the person's base and the customer. */
  perKm: number;
  /**
   * Taken off per completed visit this person made to this customer (专属: the same person again).
   * Larger than the widest service radius (≤ 25 km) × perKm, so one past visit outweighs any
   * difference in distance inside a service area; it can still lose to distance plus a missing
   * dialect, a gender preference and a low rating together.
   */
  continuityPerVisit: number;
  /** Past visits beyond this many add nothing more (a long history should not lock in forever). */
  continuityMaxVisits: number;
  /** Added when the customer speaks a dialect the person does not (乡音 matters to elders). */
  dialect: number;
  /** Added when the customer prefers a man or a woman and the person is not; soft, never a filter. */
  genderMismatch: number;
  /** Per visit of recent load above the fair share (mean load of those who could take the visit). */
  loadPerVisitOverFair: number;
  /** Taken off per visit below the fair share, up to loadCreditMaxVisits: newcomers get work. */
  loadCreditPerVisitUnderFair: number;
  loadCreditMaxVisits: number;
  /** The k-th visit of a person's day costs dayVisitStep × (k − 1) more: convex, so nobody is flooded. */
  dayVisitStep: number;
  /** Per star below 5.0. */
  ratingPerStar: number;
  /** Cost of leaving a booking with nobody (a dispatcher must act). Far above any other cost. */
  unassigned: number;
}

export const MATCH_WEIGHTS: MatchWeights = {
  perKm: 1,
  continuityPerVisit: 25,
  continuityMaxVisits: 3,
  dialect: 6,
  genderMismatch: 4,
  loadPerVisitOverFair: 0.25,
  loadCreditPerVisitUnderFair: 0.25,
  loadCreditMaxVisits: 8,
  dayVisitStep: 3,
  ratingPerStar: 4,
  unassigned: 10_000,
};
