package io.backupdesk.web.identity.ui;

import org.jboss.resteasy.reactive.RestForm;

/** The create-token form as typed: a name and an optional last day (yyyy-MM-dd). */
public class TokenForm {

  @RestForm public String name = "";
  @RestForm public String expiresAt = "";
}
