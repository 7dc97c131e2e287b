package io.backupdesk.web.live;

import java.util.List;

/**
 * A feature that shows banners on every agent page implements this as a CDI bean: the layout
 * renders {@link #current()} on each page load, and the feature publishes a live event (see README
 * "Live updates across instances") to change the banner on pages already open.
 */
public interface LiveNoticeSource {

  /** The banners to show now; called on every page render, so keep it to one cheap query. */
  List<LiveNotice> current();
}
