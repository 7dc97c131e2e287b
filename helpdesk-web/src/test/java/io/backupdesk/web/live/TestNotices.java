package io.backupdesk.web.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A feature's banners as the layout asks for them (the incidents feature's role), set by a test and
 * empty otherwise, so that other tests' pages show none.
 */
@ApplicationScoped
public class TestNotices implements LiveNoticeSource {

  static volatile List<LiveNotice> current = List.of();

  @Override
  public List<LiveNotice> current() {
    return current;
  }
}
