-- The queue's free-text search also finds device models ("iPhone 8" finds "iPhone 8" and
-- "iPhone 8 Plus", not "iPhone 15"): a prefix on the lower-cased model at a word boundary.
CREATE INDEX ticket_device_model_search_idx ON ticket (lower(device_model) varchar_pattern_ops);
