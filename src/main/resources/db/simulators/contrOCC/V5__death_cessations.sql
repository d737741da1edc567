-- The simulated ContrOCC's record of lines it ended because the client died (recordDeath): which line, the end
-- date it had before, and under which import reference, so the same death sent again changes nothing.
CREATE TABLE sim_contrOCC_death_cessation (
    import_reference    VARCHAR(200) NOT NULL,
    cpli_id             VARCHAR(32)  NOT NULL,
    person_ref          VARCHAR(32)  NOT NULL,
    previous_end_date   DATE,
    end_date            DATE         NOT NULL,
    ceased_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (import_reference, cpli_id)
);
