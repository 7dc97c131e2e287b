package io.backupdesk.web.identity.ui;

import jakarta.validation.constraints.NotBlank;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The new-account form as typed, so that a rejected form comes back as the admin left it (all but
 * the password, which is never sent back to the browser).
 */
public class NewAccountForm {

  @RestForm
  @NotBlank(message = "Enter a user name.")
  public String username = "";

  @RestForm
  @NotBlank(message = "Enter the person's name.")
  public String displayName = "";

  @RestForm public String email = "";

  @RestForm
  @NotBlank(message = "Choose a role.")
  public String role = "agent";

  @RestForm
  @NotBlank(message = "Set a first password.")
  public String password = "";
}
