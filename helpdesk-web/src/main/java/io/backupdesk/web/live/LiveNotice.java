package io.backupdesk.web.live;

/**
 * A site-wide banner line, such as "Apple's iCloud Backup is down since 14:05": {@code key} names
 * it (one banner per key), {@code level} is "info" or "warning", {@code href} may be null.
 */
public record LiveNotice(String key, String text, String href, String level) {}
