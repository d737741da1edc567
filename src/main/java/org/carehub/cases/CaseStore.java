package org.carehub.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.Function;
import org.carehub.SqlArrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * What the hub has applied of LAS's clients and care lines, with the version last applied. Care
 * lines are checked against their client (date of death, finance details) and an older version is
 * refused after a newer one. Per-client message groups mean one writer per client at a time.
 */
@Component
public class CaseStore implements CaseLookup {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public CaseStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A client or care line as last applied, with its version. */
    public record Versioned<T>(T value, int version) {
    }

    @Override
    public Optional<Versioned<Client>> client(String lasPersonId) {
        return jdbc.query("SELECT payload, version FROM las_client WHERE las_person_id = ?",
                (rs, i) -> new Versioned<>(read(rs.getString(1), Client.class), rs.getInt(2)), lasPersonId)
                .stream().findFirst();
    }

    @Override
    public Optional<Versioned<CareLine>> careLine(String cpliId) {
        return jdbc.query("SELECT payload, version FROM care_line WHERE cpli_id = ?",
                (rs, i) -> new Versioned<>(read(rs.getString(1), CareLine.class), rs.getInt(2)), cpliId)
                .stream().findFirst();
    }

    /** The care lines with these ids and their clients, read in two queries, as a lookup for the rules. */
    public CaseLookup snapshot(Collection<String> cpliIds) {
        Map<String, Versioned<CareLine>> lines = versionedById("care_line", "cpli_id", cpliIds, CareLine.class,
                CareLine::cpliId);
        Set<String> clientIds = new HashSet<>();
        lines.values().forEach(v -> clientIds.add(v.value().clientId()));
        Map<String, Versioned<Client>> clients = versionedById("las_client", "las_person_id", clientIds, Client.class,
                Client::lasPersonId);
        return new CaseLookup() {
            @Override
            public Optional<Versioned<CareLine>> careLine(String cpliId) {
                return Optional.ofNullable(lines.get(cpliId));
            }

            @Override
            public Optional<Versioned<Client>> client(String lasPersonId) {
                return Optional.ofNullable(clients.get(lasPersonId));
            }
        };
    }

    /** Clients with this NHS number (spaces and hyphens ignored); more than one means LAS holds a duplicate. */
    public List<Client> clientsByNhsNumber(String nhsNumber) {
        return jdbc.query("SELECT payload FROM las_client WHERE nhs_number = ? ORDER BY las_person_id",
                (rs, i) -> read(rs.getString(1), Client.class), NhsNumber.normalise(nhsNumber));
    }

    /** Clients with this forename, surname (both ignoring case and outer spaces) and date of birth. */
    public List<Client> clientsByNameAndBirth(String forename, String surname, LocalDate dateOfBirth) {
        return jdbc.query("""
                SELECT payload FROM las_client
                 WHERE LOWER(TRIM(forename)) = LOWER(TRIM(?)) AND LOWER(TRIM(surname)) = LOWER(TRIM(?)) AND date_of_birth = ?
                 ORDER BY las_person_id""",
                (rs, i) -> read(rs.getString(1), Client.class), forename, surname, date(dateOfBirth));
    }

    /** Every client LAS recorded a date of death for. */
    public List<Client> clientsWithDateOfDeath() {
        return jdbc.query("SELECT payload FROM las_client WHERE date_of_death IS NOT NULL ORDER BY las_person_id",
                (rs, i) -> read(rs.getString(1), Client.class));
    }

    /** Every care line of the client, as last applied. */
    public List<CareLine> careLinesOf(String clientId) {
        return jdbc.query("SELECT payload FROM care_line WHERE client_id = ? ORDER BY start_date, cpli_id",
                (rs, i) -> read(rs.getString(1), CareLine.class), clientId);
    }

    public void saveClient(Client client, int version) {
        Object[] values = {version, NhsNumber.normalise(client.nhsNumber()), client.forename(), client.surname(),
                date(client.dateOfBirth()), client.address() == null ? null : client.address().postcode(),
                client.chargeable(), date(client.dateOfDeath()), write(client), Timestamp.from(Instant.now()),
                client.lasPersonId()};
        int updated = jdbc.update("""
                UPDATE las_client SET version = ?, nhs_number = ?, forename = ?, surname = ?, date_of_birth = ?,
                       postcode = ?, chargeable = ?, date_of_death = ?, payload = ?, updated_at = ?
                 WHERE las_person_id = ?""", values);
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO las_client (version, nhs_number, forename, surname, date_of_birth, postcode, chargeable,
                                            date_of_death, payload, updated_at, las_person_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", values);
        }
    }

    private static final String UPDATE_CARE_LINE = """
            UPDATE care_line SET version = ?, client_id = ?, service_code = ?, provider_ref = ?, start_date = ?,
                   end_date = ?, payload = ?, updated_at = ?
             WHERE cpli_id = ?""";

    public void saveCareLine(CareLine line, int version) {
        Object[] values = careLineValues(line, version, Timestamp.from(Instant.now()));
        int updated = jdbc.update(UPDATE_CARE_LINE, values);
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO care_line (version, client_id, service_code, provider_ref, start_date, end_date, payload,
                                           updated_at, cpli_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", values);
        }
    }

    /** Stores new versions of care lines the store already holds, in one batched statement (a bulk cleanse's batch). */
    public void saveChangedCareLines(List<Versioned<CareLine>> lines) {
        Timestamp now = Timestamp.from(Instant.now());
        int[] updated = jdbc.batchUpdate(UPDATE_CARE_LINE,
                lines.stream().map(v -> careLineValues(v.value(), v.version(), now)).toList());
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                throw new IllegalStateException("Care line " + lines.get(i).value().cpliId() + " is not in the case store");
            }
        }
    }

    /** In the order of {@link #UPDATE_CARE_LINE} and the insert: the key last. */
    private Object[] careLineValues(CareLine line, int version, Timestamp now) {
        return new Object[] {version, line.clientId(), line.serviceCode(), line.providerRef(), date(line.startDate()),
                date(line.endDate()), write(line), now, line.cpliId()};
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not store " + value, e);
        }
    }

    /** Rows of one table by id, in one query (the ids bound as one array), each with its version. */
    private <T> Map<String, Versioned<T>> versionedById(String table, String idColumn, Collection<String> ids,
                                                        Class<T> type, Function<T, String> idOf) {
        Map<String, Versioned<T>> found = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("SELECT payload, version FROM " + table + " WHERE " + idColumn + " = ANY(?)",
                    SqlArrays.parameters(ids), (RowCallbackHandler) rs -> {
                        T value = read(rs.getString(1), type);
                        found.put(idOf.apply(value), new Versioned<>(value, rs.getInt(2)));
                    });
        }
        return found;
    }

    private <T> T read(String payload, Class<T> type) {
        try {
            return json.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + type.getSimpleName() + " is unreadable: " + e.getMessage(), e);
        }
    }
}
