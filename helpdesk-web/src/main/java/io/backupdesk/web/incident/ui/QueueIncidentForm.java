package io.backupdesk.web.incident.ui;

import io.backupdesk.web.incident.OpenIncident;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The queue's bulk form for supervisors while an incident is open ({@code inject:queueIncident}): a
 * checkbox per row, "Link selected" and "Unlink selected". The queue belongs to the ticket feature,
 * which knows nothing of incidents; the template asks this bean instead. A refused post shows the
 * queue again with the reason and the selection kept ({@link #refused}).
 */
@Named("queueIncident")
@RequestScoped
public class QueueIncidentForm {

  /** What the form needs: the incident it acts on, at the version the page shows. */
  public record Form(long incidentId, String title, int version) {}

  private final OpenIncident openIncident;
  private final SecurityIdentity identity;
  private final CurrentVertxRequest request;
  private Optional<Form> form;
  private String message;
  private Set<Long> selected = Set.of();

  QueueIncidentForm(
      OpenIncident openIncident, SecurityIdentity identity, CurrentVertxRequest request) {
    this.openIncident = openIncident;
    this.identity = identity;
    this.request = request;
  }

  /** The form, for a supervisor while an incident is open; null otherwise (no checkboxes). */
  public Form form() {
    if (form == null) {
      // An error page rendered on an I/O thread cannot ask the database; it goes without.
      form =
          identity.isAnonymous() || !identity.hasRole("supervisor")
              ? Optional.empty()
              : openIncident.get().map(QueueIncidentForm::of);
    }
    return form.orElse(null);
  }

  public boolean selected(long ticketId) {
    return selected.contains(ticketId);
  }

  /** Why the last post was refused; null when it was not. */
  public String message() {
    return message;
  }

  /** What the last post did, from the redirect's counts (numbers only: no words from the URL). */
  public String notice() {
    String done = query("incidentDone");
    Integer changed = count(query("changed"));
    Integer chosen = count(query("selected"));
    if (done == null || changed == null || chosen == null || changed > chosen) {
      return null;
    }
    return switch (done) {
      case "linked" ->
          changed == 0
              ? "Nothing changed: the selected tickets were linked already."
              : "Linked "
                  + tickets(changed, chosen)
                  + " to the incident; each ticket's timeline says so."
                  + (changed < chosen ? " The others were linked already." : "");
      case "unlinked" ->
          changed == 0
              ? "Nothing changed: none of the selected tickets was linked to the incident."
              : "Unlinked "
                  + tickets(changed, chosen)
                  + " from the incident."
                  + (changed < chosen ? " The others were not linked to it." : "");
      default -> null;
    };
  }

  void refused(String why, Collection<Long> tickets) {
    this.message = why;
    this.selected = new TreeSet<>(tickets);
  }

  private static String tickets(int changed, int chosen) {
    if (changed == chosen) {
      return changed == 1 ? "the selected ticket" : "the " + changed + " selected tickets";
    }
    return changed + " of the " + chosen + " selected tickets";
  }

  private static Form of(OpenIncident.Shown incident) {
    return new Form(incident.id(), incident.title(), incident.version());
  }

  private static Integer count(String text) {
    if (text == null
        || text.isEmpty()
        || text.length() > 4
        || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    return Integer.parseInt(text);
  }

  private String query(String name) {
    var current = request.getCurrent();
    return current == null ? null : current.request().getParam(name);
  }
}
