package io.backupdesk.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A refused form's error page links back to the page the form was on, for every feature. */
class ErrorPageBackLinkTest {

  @Test
  void everyFormLeadsBackToItsPage() {
    assertThat(ErrorPage.pageOfForm("/tickets/7/diagnosis/another-fix"))
        .isEqualTo("/tickets/7/diagnosis");
    assertThat(ErrorPage.pageOfForm("/tickets/7/diagnosis/outcome"))
        .isEqualTo("/tickets/7/diagnosis");
    assertThat(ErrorPage.pageOfForm("/tickets/7/backup-after-outage")).isEqualTo("/tickets/7");
    assertThat(ErrorPage.pageOfForm("/tickets/7/customer-name")).isEqualTo("/tickets/7");
    assertThat(ErrorPage.pageOfForm("/tickets")).isEqualTo("/tickets/new");
    assertThat(ErrorPage.pageOfForm("/incidents/3/links")).isEqualTo("/incidents");
    assertThat(ErrorPage.pageOfForm("/admin/playbook/steps/wifi")).isEqualTo("/admin/playbook");
    assertThat(ErrorPage.pageOfForm("/step-order/settings")).isEqualTo("/step-order");
    assertThat(ErrorPage.pageOfForm("/profile")).isEqualTo("/profile");
    assertThat(ErrorPage.pageOfForm("/admin/accounts/sam/role")).isEqualTo("/admin/accounts");
    assertThat(ErrorPage.pageOfForm("/login")).isNull();
  }
}
