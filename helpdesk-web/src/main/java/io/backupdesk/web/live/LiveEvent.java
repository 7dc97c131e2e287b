package io.backupdesk.web.live;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One announcement on the live channel: a topic ("ticket", "presence", "incident", ...) and a small
 * JSON object of ids and facts, never the content a page shows.
 */
public record LiveEvent(String topic, ObjectNode payload) {}
