-- The date-of-death feed (issue 6): each notification the registrar / NHS feed sent, what became of it, and the
-- overpayments found for the periods after a date of death. Runs on H2 and PostgreSQL.

-- One row per notification, keyed by the feed's own source and reference: the same notification sent again
-- (in the same or a later file) finds its row and does nothing new.
CREATE TABLE death_notification (
    notification_key    VARCHAR(200)  NOT NULL PRIMARY KEY,
    journey_id          VARCHAR(36)   NOT NULL,
    feed_file           VARCHAR(255)  NOT NULL,
    feed_line           INTEGER       NOT NULL,
    nhs_number          VARCHAR(16),
    forename            VARCHAR(100)  NOT NULL,
    surname             VARCHAR(100)  NOT NULL,
    date_of_birth       DATE          NOT NULL,
    date_of_death       DATE          NOT NULL,
    -- RECEIVED, NOT_MATCHED, TO_CONFIRM (name and date of birth only), AWAITING_LAS, APPLIED
    outcome             VARCHAR(16)   NOT NULL,
    client_id           VARCHAR(32),
    las_task_sent_at    TIMESTAMP WITH TIME ZONE,
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX death_notification_client ON death_notification (client_id, outcome);

-- What finance paid for days after a client's date of death, per actual finance holds (its finance id): to recover.
CREATE TABLE death_overpayment (
    finance_actual_id   VARCHAR(32)   NOT NULL PRIMARY KEY,
    client_id           VARCHAR(32)   NOT NULL,
    date_of_death       DATE          NOT NULL,
    provider_ref        VARCHAR(32)   NOT NULL,
    invoice_number      VARCHAR(100)  NOT NULL,
    invoice_line        VARCHAR(100)  NOT NULL,
    care_line_id        VARCHAR(32)   NOT NULL,
    element_type        VARCHAR(32)   NOT NULL,
    period_from         DATE          NOT NULL,
    period_to           DATE          NOT NULL,
    days_in_period      INTEGER       NOT NULL,
    days_after_death    INTEGER       NOT NULL,
    amount_paid         DECIMAL(14, 2) NOT NULL,
    overpaid            DECIMAL(14, 2) NOT NULL,
    notification_key    VARCHAR(200)  NOT NULL,
    found_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX death_overpayment_client ON death_overpayment (client_id);

-- The feed matches clients by NHS number, else by date of birth (then name): both looked up per notification.
CREATE INDEX las_client_nhs_number ON las_client (nhs_number);
CREATE INDEX las_client_date_of_birth ON las_client (date_of_birth);
