-- Who is viewing what ("Jordan Lee is viewing"), shared by every app instance: a row per open
-- live connection that names what its page shows. The instance holding the connection renews
-- expires_at while it is open and deletes the row when it closes; if the instance dies, its rows
-- expire and any instance clears them, so a crash leaves no viewer behind for longer than the TTL.
CREATE TABLE live_presence (
    connection_id uuid        PRIMARY KEY,
    instance_id   uuid        NOT NULL,
    subject       varchar(40) NOT NULL CHECK (subject ~ '^[a-z]{1,20}:[0-9]{1,18}$'),
    username      varchar(64) NOT NULL REFERENCES agent (username) ON DELETE CASCADE,
    since         timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL
);
CREATE INDEX live_presence_subject_idx ON live_presence (subject, expires_at);
CREATE INDEX live_presence_expiry_idx ON live_presence (expires_at);
