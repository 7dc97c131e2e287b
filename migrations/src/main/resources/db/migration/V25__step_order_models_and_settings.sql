-- The learned step order (README "Step order"): every trained model as a versioned row, the
-- settings that decide whether diagnoses walk learned orders, and who changed those settings.

-- One row per trained model; diagnoses record the version they walked (diagnosis.order_model_version,
-- deliberately without a foreign key: a model row may be pruned, the diagnosis keeps its number).
CREATE TABLE order_model (
    version          integer      PRIMARY KEY CHECK (version >= 1),
    playbook_version integer      NOT NULL CHECK (playbook_version >= 1),
    trained_at       timestamptz  NOT NULL,
    -- Null: the schedule trained it; otherwise the account that asked for it.
    trained_by       varchar(64),
    data_from        timestamptz  NOT NULL,
    data_to          timestamptz  NOT NULL,
    walks            integer      NOT NULL CHECK (walks >= 0),
    walks_ignored    integer      NOT NULL CHECK (walks_ignored >= 0),
    segments         integer      NOT NULL CHECK (segments >= 1),
    -- The core's LearnedModel as JSON: settings and cost weights used, per segment each step's
    -- estimate with its interval and minutes, the learned order and both forecasts.
    model_json       text         NOT NULL,
    -- The off-policy comparison of the learned order with the article's on the window's logged
    -- walks, as JSON; null when the log supports no estimate.
    live_json        text,
    CHECK (data_to > data_from)
);
CREATE INDEX order_model_trained_idx ON order_model (trained_at DESC);

-- The one row of settings. Suggestions stay off until a supervisor's admin turns them on.
CREATE TABLE order_settings (
    id                  smallint         PRIMARY KEY CHECK (id = 1),
    suggestions_on      boolean          NOT NULL DEFAULT false,
    explore_share       double precision NOT NULL DEFAULT 0.1 CHECK (explore_share >= 0 AND explore_share <= 0.5),
    -- Prices in minutes-equivalents (the core's CostWeights).
    low_risk_price      double precision NOT NULL DEFAULT 0  CHECK (low_risk_price BETWEEN 0 AND 1000),
    medium_risk_price   double precision NOT NULL DEFAULT 1  CHECK (medium_risk_price BETWEEN 0 AND 1000),
    high_risk_price     double precision NOT NULL DEFAULT 3  CHECK (high_risk_price BETWEEN 0 AND 1000),
    paid_fix_price      double precision NOT NULL DEFAULT 10 CHECK (paid_fix_price BETWEEN 0 AND 1000),
    escalation_minutes  double precision NOT NULL DEFAULT 10 CHECK (escalation_minutes BETWEEN 0 AND 1000),
    updated_at          timestamptz,
    updated_by          varchar(64),
    version             integer          NOT NULL DEFAULT 0
);
INSERT INTO order_settings (id) VALUES (1);

-- Every change of the settings: who, when, and the values before and after (as text "name=value").
CREATE TABLE order_settings_change (
    id      bigserial     PRIMARY KEY,
    at      timestamptz   NOT NULL,
    actor   varchar(64)   NOT NULL,
    before  varchar(1000) NOT NULL,
    after   varchar(1000) NOT NULL
);
CREATE INDEX order_settings_change_at_idx ON order_settings_change (at DESC, id DESC);
