-- Providers' invoices as the invoice flow checked them: one row per invoice, one per line with its outcome.
-- number_claim / content_claim make duplicates impossible at the database: set while an invoice holds its number
-- (any line accepted or parked), NULL once every line was rejected, so the provider may correct and resend it.
CREATE TABLE provider_invoice (
    invoice_id      VARCHAR(32)   NOT NULL PRIMARY KEY,
    provider_ref    VARCHAR(32)   NOT NULL,
    invoice_number  VARCHAR(100)  NOT NULL,
    content_hash    VARCHAR(64)   NOT NULL,
    number_claim    VARCHAR(140),
    content_claim   VARCHAR(64),
    -- the broker message (or REST request) it came in: a redelivery finds its invoice instead of a duplicate
    receipt_id      VARCHAR(200)  NOT NULL UNIQUE,
    channel         VARCHAR(16)   NOT NULL,
    file_name       VARCHAR(255),
    original_file   VARCHAR(1000),
    outcome         VARCHAR(16)   NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT provider_invoice_number UNIQUE (number_claim),
    CONSTRAINT provider_invoice_content UNIQUE (content_claim)
);
CREATE INDEX provider_invoice_provider ON provider_invoice (provider_ref, invoice_number);

CREATE TABLE provider_invoice_line (
    invoice_id      VARCHAR(32)   NOT NULL REFERENCES provider_invoice (invoice_id),
    line_id         VARCHAR(100)  NOT NULL,
    client_id       VARCHAR(32),
    service_code    VARCHAR(32),
    element_code    VARCHAR(32),
    period_from     DATE,
    period_to       DATE,
    units           DECIMAL(12, 4),
    unit_rate       DECIMAL(14, 4),
    amount          DECIMAL(14, 2),
    care_line_id    VARCHAR(32),
    -- ACCEPTED (sent to finance), REJECTED (back to the provider) or PARKED (for the owner team)
    outcome         VARCHAR(16)   NOT NULL,
    reason_code     VARCHAR(64),
    owner_team      VARCHAR(32),
    explanation     VARCHAR(2000),
    PRIMARY KEY (invoice_id, line_id)
);
