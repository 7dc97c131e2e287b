/**
 * The learned step order: from the outcomes of recorded walks, the order of the playbook's steps
 * that reaches a working backup in the fewest expected minutes for each group of phones, within the
 * rules of {@link io.backupdesk.diagnostics.playbook.StepOrder}; a policy that walks it with a
 * little exploration; and an off-policy estimate that checks the gain on live outcomes.
 *
 * <h2>The model: one fault per case</h2>
 *
 * Each case has one cause, in one of {@code 2n + 1} categories: "the condition of step i, and its
 * fix works" (step i ends the case), "the condition of step i, but its fix fails" (the case walks
 * on and escalates after the last step: nothing else is wrong, so nothing else helps), or "none of
 * the steps" (escalated). An Apple outage found at the status step counts as that step ending the
 * case: the walk stops there. With {@code p_i} the share of cases step i ends, the share that
 * reaches position k of order s is {@code R_k = 1 - sum_{j<k} p(s_j)}, whatever else the order is,
 * and the expected cost is ({@link io.backupdesk.diagnostics.order.ExpectedCost})
 *
 * <pre>
 *   E(s) = sum_k R_k c(s_k) + sum_i p_i (d_i - c_i) + sum_i f_i (e_i - c_i) + (1 - sum_i p_i) x
 * </pre>
 *
 * with {@code c} the cost of a step where nothing is fixed (its minutes plus a price for the step's
 * risk), {@code d} the cost of the step that ends the case (check, fix, test backup and the price
 * of a paid fix), {@code f_i} the share of cases whose fix at step i fails and {@code e_i} what
 * that step then costs, and {@code x} the escalation. Only the first sum depends on the order: it
 * is the expected cost of repair of Kadane &amp; Simon and Heckerman, Breese &amp; Rommelse. Failed
 * fixes are paid whatever the order (the case reaches its cause's step in every order), so they are
 * a fixed cost, not part of a step's per-visit cost; pricing them per visit would make a step look
 * dearer the later it was walked in the data. Prices for risk and money are minutes- equivalents
 * from {@link io.backupdesk.diagnostics.order.CostWeights}, as the SACSO troubleshooter splits cost
 * into time, risk, money and annoyance; a forecast reports minutes and cost apart.
 *
 * <h2>The best allowed order</h2>
 *
 * After a set D of steps, what remains to pay depends only on D, so dynamic programming over the
 * subsets of steps finds the cheapest allowed order exactly ({@link
 * io.backupdesk.diagnostics.order.OrderSearch#best}; 512 states for nine steps, up to 20 steps). A
 * step can be added to D only when every step that the rules put ahead of it is in D ({@link
 * io.backupdesk.diagnostics.playbook.StepOrder#precedences}, which a test keeps in agreement with
 * {@code StepOrder.violations} over every permutation); the result is checked against {@code
 * violations} before it is returned. Ties go to the article's order. The {@code p/c} sort, optimal
 * only when no rule binds, is {@link io.backupdesk.diagnostics.order.OrderSearch#byRatio}.
 *
 * <h2>Estimation from recorded walks, in any order</h2>
 *
 * What a step of a walk says ({@link io.backupdesk.diagnostics.order.TrialOutcome}): a step done is
 * a trial. It either ended the case (a confirmed fix, an outage), or it did not (nothing wrong; not
 * applicable to this phone, which rules it out as the cause; a fix whose test backup failed). A
 * skipped step is no trial: the condition was not checked, so it stays possible. A walk that stops
 * (customer gone, still open, escalated by hand) is censored where it stopped: the steps it never
 * reached stay possible, they are not failures. A fix awaiting its test backup says the cause was
 * at that step, fix working or not. Each walk thus leaves a set of possible categories ({@code
 * SegmentTally}), and the shares are estimated from these set-valued observations by the
 * self-consistency (EM) algorithm of Turnbull (1976), whatever order each walk followed ({@code
 * CauseShares}). For walks all in one order this is the product-limit estimate of the hazards "p of
 * the cases that reach step i end there"; the hazard of a step at a position of any order follows
 * from the shares ({@link io.backupdesk.diagnostics.order.SegmentEstimate#chanceWhenReached}).
 *
 * <h2>Segments and priors</h2>
 *
 * Segments nest: all phones, a device family (Face ID, Home button) on an iOS major, a catalogue
 * model on an iOS major ({@link io.backupdesk.diagnostics.order.Segment}). Each segment's shares
 * have a Dirichlet prior at its parent's estimate, worth {@code segmentPriorStrength} cases
 * (default 50): with no cases of its own a segment is its parent; with 20 it moves 20/70 of the way
 * to its own rates; with thousands it speaks for itself. All phones have a weak even prior worth
 * {@code globalPriorStrength} cases (default 2: half of it on "a step ends it", split evenly, a
 * quarter on failed fixes, a quarter on "none"). The estimate is the posterior mode of the EM with
 * these pseudo-cases. Its 95% interval is that of a Beta with the estimate as mean and, as
 * precision, the prior strength plus the walks that settle whether the step is the one (they ended
 * there, or ruled it out): exact for uncensored walks, conservative for censored ones, which carry
 * some information it leaves out. A narrower segment needs {@code minWalksForSegment} walks
 * (default 10) to be kept; a phone uses the narrowest segment kept ({@link
 * io.backupdesk.diagnostics.order.LearnedModel#segmentFor}).
 *
 * <p>Minutes per step come from the recorded times: a step's own minutes plus its test backup's,
 * split by what happened there (nothing fixed, ended the case, fix failed). Each is a mean, because
 * expected minutes add up means, after pulling the shortest and longest 1% in to the nearest kept
 * value (winsorising: one clock left running should not move it), then shrunk toward the parent's
 * value as if the parent had 10 recorded times. Shares of paid fixes shrink like chances. Before
 * any time is recorded, the defaults of {@link io.backupdesk.diagnostics.order.LearningSettings}
 * apply.
 *
 * <h2>Exploration and the off-policy estimate</h2>
 *
 * {@link io.backupdesk.diagnostics.order.OrderSuggestions} walks the learned order with probability
 * {@code 1 - exploreShare} and otherwise, uniformly, the article's order or an allowed order one
 * swap of neighbouring steps from the learned one; the propensity recorded is the exact probability
 * of the order given. The article is among the explored orders so that the learned order can always
 * be compared with it on live outcomes. {@link io.backupdesk.diagnostics.order.OffPolicyEvaluation}
 * estimates the mean minutes and resolution rate any policy would have had from such logs, by
 * self-normalised inverse propensity weighting, with a percentile bootstrap interval; it trusts the
 * logged propensities, not the model.
 *
 * <h2>Ground truth and simulation</h2>
 *
 * {@link io.backupdesk.diagnostics.order.GroundTruth} reads what really goes wrong per family and
 * iOS major from a CSV file ({@code default-truth.csv} ships, its reasons written beside its
 * numbers); {@link io.backupdesk.diagnostics.order.CaseSimulator} plays customers from it under any
 * order; {@link io.backupdesk.diagnostics.order.CaseTruth#oracle} is the best allowed order under
 * the truth itself, the yardstick for a learned order's regret.
 *
 * <h2>Assumptions and limits</h2>
 *
 * <ul>
 *   <li>One fault per case. A case with two problems breaks it: when a fix fails and a later step
 *       resolves, the later step gets the resolution and the earlier failed fix's cost is left out
 *       of the fixed cost.
 *   <li>A step's minutes and its chance to be the cause do not depend on where it stands in the
 *       order, and a fix at a step that is not the cause never works.
 *   <li>Censoring is not informative: customers leave, and agents escalate by hand, for reasons
 *       unrelated to the cause. Escalating by hand is in truth somewhat informative (agents give up
 *       on hopeless cases), which makes late steps look a little better than they are.
 *   <li>Stationarity within the data window; drift is handled only by training on a recent window.
 *   <li>The order chosen for a case depends only on its phone, never on its cause: true for every
 *       policy here. The off-policy estimate also assumes the recorded propensities are exact, that
 *       abandonment does not depend on the order (abandoned and open walks are left out), and
 *       overlap: an order never walked cannot be judged. The article's order is walked in only
 *       {@code exploreShare / (number of explored orders)} of cases, so its interval is wide until
 *       the log is large. An agent who leaves the chosen order for the article's still counts under
 *       the chosen order (intent to treat).
 *   <li>Segments are the device family, iOS major and model only; anything else that changes the
 *       causes (region, carrier, account age) is averaged over.
 * </ul>
 */
package io.backupdesk.diagnostics.order;
