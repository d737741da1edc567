-- Pollers on one hub at a time (org.carehub.cluster): a lease per poller (its route id). The hub named in
-- holder leads until expires_at and renews well before then; when it dies, the lease lapses and another hub
-- takes it. Times are the hubs' clocks (servers keep NTP time), as for the shedlock table.
CREATE TABLE cluster_lease (
    namespace  VARCHAR(200) NOT NULL PRIMARY KEY,
    holder     VARCHAR(255) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
