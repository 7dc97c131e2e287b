/**
 * The playbook as living data: an editable draft, its validation, publishing as a new version, and
 * the difference between two versions.
 *
 * <h2>The draft</h2>
 *
 * <p>{@link io.backupdesk.diagnostics.playbook.draft.PlaybookDraft} holds steps ({@link
 * io.backupdesk.diagnostics.playbook.draft.StepDraft}), their instruction blocks ({@link
 * io.backupdesk.diagnostics.playbook.draft.InstructionDraft}) and fix options ({@link
 * io.backupdesk.diagnostics.playbook.draft.FixOptionDraft}) as plain records with lists and raw
 * values (enums as names, flags as nullable booleans), so that a JSON or YAML file maps onto it one
 * to one and a wrong value becomes a listed problem rather than a parse error. Unknown fields in a
 * file are the reader's business. Edits return new drafts: add a step (anywhere), retire one (a
 * repeat changes nothing), move one, replace one, and the same for fix options.
 *
 * <h2>The rules of a valid playbook</h2>
 *
 * <ul>
 *   <li>a name; one to 40 steps, each with its own key (lower-case words joined by dashes);
 *   <li>every step has a title, says why it matters, how the agent checks it and its risk, a cost
 *       ({@code LOW}, {@code MEDIUM}, {@code HIGH}) and both marks (detects an Apple outage,
 *       intrusive) spelled out;
 *   <li>every step has instruction blocks that do not overlap and leave no phone of the catalogue
 *       without a block: for each family, every iOS major from its oldest model's first to the
 *       newest the catalogue knows; a block may be for every phone and every iOS (common text);
 *   <li>every step gives the agent something to do when it finds a problem: a fix option, or the
 *       Apple-outage mark;
 *   <li>every fix option has its own key within the step, a label, instructions, a cost, and both
 *       consent marks (changes data, costs money) spelled out;
 *   <li>titles, labels and instruction lines are single lines; paragraphs have no line breaks; no
 *       text holds control characters; lengths are bounded (see the messages).
 * </ul>
 *
 * <p>Every problem is listed at once, with the path to its field ({@code
 * steps[3].fixOptions[1].label}, indexes from 0) and a message that names the step as agents number
 * it.
 *
 * <h2>Versions</h2>
 *
 * <p>Published versions are immutable; publishing makes version N+1. A step keeps its version when
 * its content (every text, instruction, fix option, cost and mark) is the same as in the latest
 * published version that has its key; any change gives it its key's highest version plus one; a new
 * key starts at 1. Position alone is not content: moving a step does not change its version. So a
 * stored result (step key and version) always names the words the agent saw. {@link
 * io.backupdesk.diagnostics.playbook.draft.PlaybookDiff} lists, per step, what was added, removed,
 * changed (field by field, old and new text) or moved.
 */
package io.backupdesk.diagnostics.playbook.draft;
