-- The agent's time zone (an IANA name such as Europe/Berlin): pages show times in it. NULL until
-- the browser reports its zone at the first sign-in or the agent picks one on the profile page;
-- pages show UTC meanwhile.
ALTER TABLE agent ADD COLUMN time_zone varchar(64)
    CHECK (time_zone IS NULL OR time_zone ~ '^[A-Za-z][A-Za-z0-9_+/-]*$');
