package io.backupdesk.tools.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo accounts; the first start that loads them is tested with the app (helpdesk-web). */
class DemoDataTest {

  @Test
  void newAccountsGetStrongRandomPasswordsThatMatchTheirHashes() {
    var accounts = DemoData.newAccounts(Set.of("admin", "sam"));

    assertThat(accounts)
        .extracting(a -> a.spec().username())
        .containsExactly("alex", "jordan", "lee");
    assertThat(accounts).allSatisfy(a -> assertThat(a.password()).hasSize(16));
    assertThat(accounts).extracting(DemoData.NewAccount::password).doesNotHaveDuplicates();
    var alex = accounts.get(0);
    assertThat(BcryptUtil.matches(alex.password(), alex.spec().passwordHash())).isTrue();
  }
}
