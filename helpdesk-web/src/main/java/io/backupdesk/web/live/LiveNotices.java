package io.backupdesk.web.live;

import io.vertx.core.Context;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/** The banners of every {@link LiveNoticeSource}, for the layout ({@code inject:liveNotices}). */
@Named("liveNotices")
@RequestScoped
public class LiveNotices {

  private final Instance<LiveNoticeSource> sources;

  LiveNotices(@Any Instance<LiveNoticeSource> sources) {
    this.sources = sources;
  }

  public List<LiveNotice> current() {
    // An error page may be rendered on an I/O thread, which must not query the database.
    if (Context.isOnEventLoopThread()) {
      return List.of();
    }
    var all = new ArrayList<LiveNotice>();
    sources.forEach(source -> all.addAll(source.current()));
    return all;
  }
}
