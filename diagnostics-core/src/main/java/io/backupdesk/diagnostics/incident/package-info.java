/**
 * Apple outages as incidents: detection from the desk's own findings, the incident's life, and the
 * merge of duplicate tickets.
 *
 * <h2>Detection</h2>
 *
 * <p>Two signals are counted across all customers, in buckets of five minutes: an outage recorded
 * at the Apple-status step, and a test backup still failing after a fix. At a moment {@code now},
 * for each signal, {@link io.backupdesk.diagnostics.incident.OutageDetector} takes the count in the
 * last 30 minutes (the window ends at the first bucket boundary at or after {@code now}) and
 * compares it with what the same time of the week leads to expect: the mean count over the previous
 * 8 weeks, each week looked at over two hours centred on the window's time (UTC), scaled to the
 * window's length, and never below 0.25. It suggests an incident when both hold:
 *
 * <ul>
 *   <li>the chance of at least that many findings by accident, the Poisson upper tail P(X ≥
 *       observed) with the expected count as mean, is below 1e-5;
 *   <li>at least 3 findings were recorded, so one unlucky customer never pages anyone.
 * </ul>
 *
 * <p>Every number is a setting of {@link io.backupdesk.diagnostics.incident.DetectionRule} (its
 * {@code defaults()} says why the threshold is 1e-5 rather than 0.001: the rule is applied every
 * five minutes). With no history yet (weeks before the desk's data began are skipped) the
 * expectation is the minimum, and 5 findings in 30 minutes suggest an incident. The evidence
 * ({@link io.backupdesk.diagnostics.incident.Detection}: signal, window, observed, expected,
 * probability, weeks of history) goes with the suggestion. Replaying a period gives the first
 * suggestion of each burst.
 *
 * <h2>Suggestions and incidents</h2>
 *
 * <p>A supervisor confirms a suggestion (then an incident is opened from it, started when its
 * window did) or dismisses it. Decisions are final: a second confirmation is a conflict, so two
 * supervisors confirming at once open one incident. An incident is open until it is marked
 * recovered, once. While open, tickets are linked (a repeat changes nothing) and unlinked; linking
 * to or unlinking from a recovered incident is a conflict. Notes can be added at any time.
 * Recovering sends every linked ticket still waiting on Apple back to the queue as a follow-up; the
 * other linked tickets (resolved meanwhile, say) stay as they are.
 *
 * <h2>Merging duplicate tickets</h2>
 *
 * <p>{@link io.backupdesk.diagnostics.incident.TicketMerge} states the rules: not into itself, not
 * across customers, not into a closed or merged ticket, not a ticket whose diagnosis is still open;
 * the source is closed with a link to the target and both timelines are kept.
 *
 * <p>Every refusal is an {@link io.backupdesk.diagnostics.incident.IncidentRefusedException} whose
 * {@link io.backupdesk.diagnostics.incident.Refusal} says whether it is a conflict (409) or a
 * request that cannot work (422), and whose message says what to do.
 */
package io.backupdesk.diagnostics.incident;
