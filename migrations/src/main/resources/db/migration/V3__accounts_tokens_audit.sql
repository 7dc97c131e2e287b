-- Accounts beyond a password: API tokens, server-side sessions, login throttling, audit trail.

-- Personal API tokens: only a SHA-256 of the secret is stored; the secret is shown once.
CREATE TABLE api_token (
    id           bigserial    PRIMARY KEY,
    agent        varchar(64)  NOT NULL REFERENCES agent (username),
    name         varchar(80)  NOT NULL CHECK (length(btrim(name)) > 0),
    token_hash   varchar(64)   NOT NULL UNIQUE,
    prefix       varchar(16)  NOT NULL,
    created_at   timestamptz  NOT NULL,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    CHECK (expires_at IS NULL OR expires_at > created_at)
);
CREATE INDEX api_token_agent_idx ON api_token (agent, created_at DESC);

-- A signed-in browser. The encrypted session cookie alone cannot be taken back; this row can:
-- sign-out and disabling an account revoke it, and a copied cookie stops working at once.
CREATE TABLE agent_session (
    id_hash      varchar(64)   PRIMARY KEY,
    agent        varchar(64)  NOT NULL REFERENCES agent (username),
    created_at   timestamptz  NOT NULL,
    last_seen_at timestamptz  NOT NULL,
    revoked_at   timestamptz,
    ip           varchar(64),
    user_agent   varchar(300)
);
CREATE INDEX agent_session_agent_idx ON agent_session (agent) WHERE revoked_at IS NULL;

-- Failed sign-ins per submitted user name (known or not), for throttling.
CREATE TABLE login_failure (
    id       bigserial    PRIMARY KEY,
    username varchar(64)  NOT NULL,
    at       timestamptz  NOT NULL,
    ip       varchar(64)
);
CREATE INDEX login_failure_user_idx ON login_failure (username, at DESC);

CREATE TABLE audit_log (
    id     bigserial     PRIMARY KEY,
    at     timestamptz   NOT NULL DEFAULT now(),
    actor  varchar(64),
    action varchar(32)   NOT NULL CHECK (action IN
               ('LOGIN', 'LOGIN_FAILED', 'LOGIN_THROTTLED', 'LOGOUT', 'ACCOUNT_CREATED', 'ROLE_CHANGED',
                'ACCOUNT_DISABLED', 'ACCOUNT_ENABLED', 'PASSWORD_RESET', 'TOKEN_CREATED', 'TOKEN_REVOKED')),
    target varchar(200),
    detail varchar(1000),
    ip     varchar(64)
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
