-- What the hub knows of LAS clients and care lines: needed to check a care line against its client
-- (date of death, finance details) and to refuse an older version after a newer one.
CREATE TABLE las_client (
    las_person_id   VARCHAR(32)  NOT NULL PRIMARY KEY,
    version         INTEGER      NOT NULL,
    nhs_number      VARCHAR(16),
    forename        VARCHAR(100),
    surname         VARCHAR(100),
    date_of_birth   DATE,
    postcode        VARCHAR(10),
    chargeable      BOOLEAN      NOT NULL,
    date_of_death   DATE,
    payload         TEXT         NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE care_line (
    cpli_id         VARCHAR(32)  NOT NULL PRIMARY KEY,
    version         INTEGER      NOT NULL,
    client_id       VARCHAR(32)  NOT NULL,
    service_code    VARCHAR(32)  NOT NULL,
    provider_ref    VARCHAR(32)  NOT NULL,
    start_date      DATE         NOT NULL,
    end_date        DATE,
    payload         TEXT         NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX care_line_client ON care_line (client_id);
