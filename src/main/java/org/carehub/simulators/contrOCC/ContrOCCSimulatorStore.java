package org.carehub.simulators.contrOCC;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carehub.SqlArrays;
import org.carehub.finance.contrOCC.AssessmentStatus;
import org.carehub.finance.contrOCC.Client;
import org.carehub.finance.contrOCC.ClientRecord;
import org.carehub.finance.contrOCC.ImportResult;
import org.carehub.finance.contrOCC.ImportStatus;
import org.carehub.finance.contrOCC.NhsFunding;
import org.carehub.finance.contrOCC.ProviderActual;
import org.carehub.finance.contrOCC.RejectionReason;
import org.carehub.finance.contrOCC.ServiceLine;
import org.carehub.finance.contrOCC.ServiceLineElement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The simulated ContrOCC's tables ({@code sim_contrOCC_*}): plain SQL that runs on H2 and PostgreSQL. */
@Repository
@ConditionalOnContrOCCSimulator
class ContrOCCSimulatorStore {

    private static final String CLIENT_PREFIX = "CL";
    private static final String LINE_PREFIX = "SL";
    private static final String REFERRAL_PREFIX = "FA";
    private static final String ACTUAL_PREFIX = "PA";
    static final String OPEN = "OPEN";
    static final String COMPLETED = "COMPLETED";

    private final JdbcTemplate jdbc;

    /** @param schema the tables must exist before the first query */
    ContrOCCSimulatorStore(JdbcTemplate jdbc, ContrOCCSimulatorSchema schema) {
        this.jdbc = jdbc;
    }

    // ---- imports ------------------------------------------------------------------------------

    Optional<StoredImport> findImport(String importReference) {
        return jdbc.query("SELECT * FROM sim_contrOCC_import WHERE import_reference = ?", (rs, n) -> {
            ImportResult result = new ImportResult();
            result.setImportReference(rs.getString("import_reference"));
            result.setStatus(ImportStatus.valueOf(rs.getString("status")));
            String reason = rs.getString("reason_code");
            result.setReasonCode(reason == null ? null : RejectionReason.valueOf(reason));
            result.setField(rs.getString("field"));
            result.setValue(rs.getString("field_value"));
            result.setMessage(rs.getString("message"));
            result.setFinanceId(rs.getString("finance_id"));
            return new StoredImport(rs.getString("operation"), rs.getString("content_hash"), result);
        }, importReference).stream().findFirst();
    }

    /** Records the answer; an earlier answer under the reference (only ever a rejection) is replaced. */
    void saveImport(String operation, String contentHash, ImportResult result) {
        jdbc.update("DELETE FROM sim_contrOCC_import WHERE import_reference = ?", result.getImportReference());
        jdbc.update("INSERT INTO sim_contrOCC_import (import_reference, operation, content_hash, status, reason_code, field,"
                        + " field_value, message, finance_id, processed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                result.getImportReference(), operation, contentHash, result.getStatus().name(),
                result.getReasonCode() == null ? null : result.getReasonCode().name(), result.getField(),
                result.getValue(), result.getMessage(), result.getFinanceId(), now());
    }

    /** Records many answers at once (the rejected lines of a batch), replacing earlier answers under their references. */
    void saveImports(String operation, List<ImportResult> results) {
        OffsetDateTime now = now();
        jdbc.batchUpdate("DELETE FROM sim_contrOCC_import WHERE import_reference = ?",
                results.stream().map(r -> new Object[] {r.getImportReference()}).toList());
        jdbc.batchUpdate("INSERT INTO sim_contrOCC_import (import_reference, operation, content_hash, status, reason_code, field,"
                        + " field_value, message, finance_id, processed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                results.stream().map(r -> new Object[] {r.getImportReference(), operation, "-", r.getStatus().name(),
                        r.getReasonCode() == null ? null : r.getReasonCode().name(), r.getField(), r.getValue(),
                        r.getMessage(), r.getFinanceId(), now}).toList());
    }

    // ---- clients ------------------------------------------------------------------------------

    Optional<ClientRecord> client(String personRef) {
        return jdbc.query("SELECT * FROM sim_contrOCC_client WHERE person_ref = ?", this::clientRecord, personRef)
                .stream().findFirst();
    }

    /**
     * Locks the client's row until the transaction ends, so two imports for one person are checked
     * one after the other (the overlap rule reads what the other writes). False when unknown.
     */
    boolean lockClient(String personRef) {
        return !jdbc.queryForList("SELECT client_id FROM sim_contrOCC_client WHERE person_ref = ? FOR UPDATE",
                Long.class, personRef).isEmpty();
    }

    /** Locks the rows of those of the clients finance holds (as {@link #lockClient}) and answers their refs. */
    Set<String> lockClients(Collection<String> personRefs) {
        return new HashSet<>(jdbc.query("SELECT person_ref FROM sim_contrOCC_client WHERE person_ref = ANY(?) ORDER BY person_ref"
                + " FOR UPDATE", SqlArrays.parameters(personRefs), (rs, n) -> rs.getString(1)));
    }

    String insertClient(Client client) {
        OffsetDateTime now = now();
        long id = insert("INSERT INTO sim_contrOCC_client (person_ref, nhs_number, title, forename, surname, date_of_birth,"
                        + " address_lines, postcode, chargeable, date_of_death, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "client_id",
                client.getPersonRef(), client.getNhsNumber(), client.getTitle(), client.getForename(), client.getSurname(),
                client.getDateOfBirth(), String.join("\n", client.getAddressLines()), client.getPostcode(),
                client.isChargeable(), client.getDateOfDeath(), now, now);
        return financeId(CLIENT_PREFIX, id);
    }

    void updateClient(Client client) {
        jdbc.update("UPDATE sim_contrOCC_client SET nhs_number = ?, title = ?, forename = ?, surname = ?, date_of_birth = ?,"
                        + " address_lines = ?, postcode = ?, chargeable = ?, date_of_death = ?, updated_at = ? WHERE person_ref = ?",
                client.getNhsNumber(), client.getTitle(), client.getForename(), client.getSurname(), client.getDateOfBirth(),
                String.join("\n", client.getAddressLines()), client.getPostcode(), client.isChargeable(),
                client.getDateOfDeath(), now(), client.getPersonRef());
    }

    private ClientRecord clientRecord(ResultSet rs, int row) throws SQLException {
        ClientRecord client = new ClientRecord();
        client.setFinanceId(financeId(CLIENT_PREFIX, rs.getLong("client_id")));
        client.setPersonRef(rs.getString("person_ref"));
        client.setNhsNumber(rs.getString("nhs_number"));
        client.setTitle(rs.getString("title"));
        client.setForename(rs.getString("forename"));
        client.setSurname(rs.getString("surname"));
        client.setDateOfBirth(rs.getObject("date_of_birth", LocalDate.class));
        String lines = rs.getString("address_lines");
        if (lines != null && !lines.isEmpty()) {
            client.getAddressLines().addAll(Arrays.asList(lines.split("\n")));
        }
        client.setPostcode(rs.getString("postcode"));
        client.setChargeable(rs.getBoolean("chargeable"));
        client.setDateOfDeath(rs.getObject("date_of_death", LocalDate.class));
        // The open referral if there is one, else the latest completed one.
        List<SimulatedReferral> referrals = referrals(client.getPersonRef());
        Optional<SimulatedReferral> current = referrals.stream().filter(r -> OPEN.equals(r.status())).findFirst()
                .or(() -> referrals.stream().reduce((first, second) -> second));
        client.setAssessmentStatus(current.map(r -> AssessmentStatus.valueOf(r.status())).orElse(AssessmentStatus.NONE));
        client.setAssessmentReferralId(current.map(SimulatedReferral::financeId).orElse(null));
        return client;
    }

    // ---- service lines ------------------------------------------------------------------------

    /** Service lines, optionally only one person's and/or one CPLI's (null = any). */
    List<SimulatedServiceLine> serviceLines(String personRef, String cpliId) {
        return rowsWhere("SELECT * FROM sim_contrOCC_service_line", "line_id", this::serviceLine,
                new String[] {"person_ref", "cpli_id"}, personRef, cpliId);
    }

    /**
     * Every service line of these clients, and those with these CPLI ids, with their elements: three indexed queries
     * (an OR of the two lists would read the whole table).
     */
    List<SimulatedServiceLine> serviceLinesOf(Collection<String> personRefs, Collection<String> cpliIds) {
        Map<Long, SimulatedServiceLine> lines = new LinkedHashMap<>();
        RowCallbackHandler keep = rs -> lines.putIfAbsent(rs.getLong("line_id"), lineWithoutElements(rs));
        jdbc.query("SELECT * FROM sim_contrOCC_service_line WHERE person_ref = ANY(?)", SqlArrays.parameters(personRefs), keep);
        jdbc.query("SELECT * FROM sim_contrOCC_service_line WHERE cpli_id = ANY(?)", SqlArrays.parameters(cpliIds), keep);
        if (!lines.isEmpty()) {
            jdbc.query("SELECT * FROM sim_contrOCC_service_line_element WHERE line_id = ANY(?) ORDER BY line_id, element_no",
                    SqlArrays.parameters(lines.keySet()), (RowCallbackHandler) rs ->
                    lines.get(rs.getLong("line_id")).line().getElements().add(element(rs)));
        }
        return List.copyOf(lines.values());
    }

    /** {@link #replaceServiceLine} for many lines, in batched statements. */
    void replaceServiceLines(List<SimulatedServiceLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        jdbc.batchUpdate("UPDATE sim_contrOCC_service_line SET cpli_version = ?, provider_ref = ?, contract_ref = ?, start_date = ?,"
                + " end_date = ?, end_reason = ?, nhs_scheme = ?, nhs_body = ?, nhs_share_percent = ?, updated_at = ?"
                + " WHERE line_id = ?", lines.stream().map(held -> {
                    ServiceLine line = held.line();
                    NhsFunding nhs = line.getNhsFunding();
                    return new Object[] {line.getCpliVersion(), line.getProviderRef(), line.getContractRef(), line.getStartDate(),
                            line.getEndDate(), line.getEndReason(), nhs == null ? null : nhs.getScheme(),
                            nhs == null ? null : nhs.getBody(), nhs == null ? null : nhs.getSharePercent(), now,
                            idOf(LINE_PREFIX, held.financeId())};
                }).toList());
        jdbc.update("DELETE FROM sim_contrOCC_service_line_element WHERE line_id = ANY(?)",
                SqlArrays.parameters(lines.stream().map(held -> idOf(LINE_PREFIX, held.financeId())).toList()));
        List<Object[]> elementRows = new ArrayList<>();
        for (SimulatedServiceLine held : lines) {
            List<ServiceLineElement> elements = held.line().getElements();
            for (int i = 0; i < elements.size(); i++) {
                elementRows.add(elementRow(idOf(LINE_PREFIX, held.financeId()), i + 1, elements.get(i)));
            }
        }
        jdbc.batchUpdate(INSERT_ELEMENT, elementRows);
    }

    String insertServiceLine(ServiceLine line) {
        OffsetDateTime now = now();
        NhsFunding nhs = line.getNhsFunding();
        long id = insert("INSERT INTO sim_contrOCC_service_line (cpli_id, cpli_version, person_ref, provider_ref, contract_ref,"
                        + " start_date, end_date, end_reason, nhs_scheme, nhs_body, nhs_share_percent, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "line_id",
                line.getCpliId(), line.getCpliVersion(), line.getPersonRef(), line.getProviderRef(), line.getContractRef(),
                line.getStartDate(), line.getEndDate(), line.getEndReason(), nhs == null ? null : nhs.getScheme(),
                nhs == null ? null : nhs.getBody(), nhs == null ? null : nhs.getSharePercent(), now, now);
        insertElements(id, line.getElements());
        return financeId(LINE_PREFIX, id);
    }

    /** Replaces what finance holds for the line (version, dates, provider, elements, NHS funding). */
    void replaceServiceLine(String financeId, ServiceLine line) {
        replaceServiceLines(List.of(new SimulatedServiceLine(financeId, line)));
    }

    private static final String INSERT_ELEMENT = "INSERT INTO sim_contrOCC_service_line_element (line_id, element_no,"
            + " element_type, ledger_code, cost_centre, unit, rate, planned_units_per_week) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private void insertElements(long lineId, List<ServiceLineElement> elements) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            rows.add(elementRow(lineId, i + 1, elements.get(i)));
        }
        jdbc.batchUpdate(INSERT_ELEMENT, rows);
    }

    private static Object[] elementRow(long lineId, int elementNo, ServiceLineElement e) {
        return new Object[] {lineId, elementNo, e.getElementType(), e.getLedgerCode(), e.getCostCentre(), e.getUnit(),
                e.getRate(), e.getPlannedUnitsPerWeek()};
    }

    private SimulatedServiceLine serviceLine(ResultSet rs, int row) throws SQLException {
        SimulatedServiceLine held = lineWithoutElements(rs);
        held.line().getElements().addAll(jdbc.query("SELECT * FROM sim_contrOCC_service_line_element WHERE line_id = ?"
                + " ORDER BY element_no", (ers, n) -> element(ers), rs.getLong("line_id")));
        return held;
    }

    private static SimulatedServiceLine lineWithoutElements(ResultSet rs) throws SQLException {
        ServiceLine line = new ServiceLine();
        line.setCpliId(rs.getString("cpli_id"));
        line.setCpliVersion(rs.getInt("cpli_version"));
        line.setPersonRef(rs.getString("person_ref"));
        line.setProviderRef(rs.getString("provider_ref"));
        line.setContractRef(rs.getString("contract_ref"));
        line.setStartDate(rs.getObject("start_date", LocalDate.class));
        line.setEndDate(rs.getObject("end_date", LocalDate.class));
        line.setEndReason(rs.getString("end_reason"));
        if (rs.getString("nhs_scheme") != null) {
            NhsFunding nhs = new NhsFunding();
            nhs.setScheme(rs.getString("nhs_scheme"));
            nhs.setBody(rs.getString("nhs_body"));
            nhs.setSharePercent(rs.getBigDecimal("nhs_share_percent"));
            line.setNhsFunding(nhs);
        }
        return new SimulatedServiceLine(financeId(LINE_PREFIX, rs.getLong("line_id")), line);
    }

    private static ServiceLineElement element(ResultSet rs) throws SQLException {
        ServiceLineElement e = new ServiceLineElement();
        e.setElementType(rs.getString("element_type"));
        e.setLedgerCode(rs.getString("ledger_code"));
        e.setCostCentre(rs.getString("cost_centre"));
        e.setUnit(rs.getString("unit"));
        e.setRate(rs.getBigDecimal("rate"));
        e.setPlannedUnitsPerWeek(rs.getBigDecimal("planned_units_per_week"));
        return e;
    }

    // ---- providers' actuals -------------------------------------------------------------------

    String insertActual(String importReference, ProviderActual a) {
        long id = insert("INSERT INTO sim_contrOCC_provider_actual (import_reference, provider_ref, invoice_id, invoice_number,"
                        + " line_id, person_ref, cpli_id, element_type, period_from, period_to, units, unit_rate, amount,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "actual_id",
                importReference, a.getProviderRef(), a.getInvoiceId(), a.getInvoiceNumber(), a.getLineId(), a.getPersonRef(),
                a.getCpliId(), a.getElementType(), a.getPeriodFrom(), a.getPeriodTo(), a.getUnits(), a.getUnitRate(),
                a.getAmount(), now());
        return financeId(ACTUAL_PREFIX, id);
    }

    List<SimulatedActual> actuals(String invoiceId) {
        return jdbc.query("SELECT * FROM sim_contrOCC_provider_actual WHERE invoice_id = ? ORDER BY actual_id", this::actual,
                invoiceId);
    }

    /** A person's actuals for periods that end after the given day. */
    List<SimulatedActual> actualsEndingAfter(String personRef, LocalDate day) {
        return jdbc.query("SELECT * FROM sim_contrOCC_provider_actual WHERE person_ref = ? AND period_to > ? ORDER BY actual_id",
                this::actual, personRef, day);
    }

    private SimulatedActual actual(ResultSet rs, int row) throws SQLException {
        ProviderActual a = new ProviderActual();
        a.setProviderRef(rs.getString("provider_ref"));
        a.setInvoiceId(rs.getString("invoice_id"));
        a.setInvoiceNumber(rs.getString("invoice_number"));
        a.setLineId(rs.getString("line_id"));
        a.setPersonRef(rs.getString("person_ref"));
        a.setCpliId(rs.getString("cpli_id"));
        a.setElementType(rs.getString("element_type"));
        a.setPeriodFrom(rs.getObject("period_from", LocalDate.class));
        a.setPeriodTo(rs.getObject("period_to", LocalDate.class));
        a.setUnits(rs.getBigDecimal("units"));
        a.setUnitRate(rs.getBigDecimal("unit_rate"));
        a.setAmount(rs.getBigDecimal("amount"));
        return new SimulatedActual(financeId(ACTUAL_PREFIX, rs.getLong("actual_id")), rs.getString("import_reference"), a);
    }

    // ---- referrals ----------------------------------------------------------------------------

    List<SimulatedReferral> referrals(String personRef) {
        return rowsWhere("SELECT * FROM sim_contrOCC_referral", "referral_id", (rs, n) -> new SimulatedReferral(
                financeId(REFERRAL_PREFIX, rs.getLong("referral_id")), rs.getString("person_ref"), rs.getString("reason"),
                rs.getString("referred_by"), rs.getString("status"), rs.getObject("referred_at", OffsetDateTime.class),
                rs.getObject("completed_at", OffsetDateTime.class)), new String[] {"person_ref"}, personRef);
    }

    String insertReferral(String personRef, String reason, String referredBy) {
        long id = insert("INSERT INTO sim_contrOCC_referral (person_ref, reason, referred_by, status, referred_at)"
                + " VALUES (?, ?, ?, ?, ?)", "referral_id", personRef, reason, referredBy, OPEN, now());
        return financeId(REFERRAL_PREFIX, id);
    }

    /** Marks an open referral's assessment as done; false when there is no such open referral. */
    boolean completeReferral(String financeId) {
        return jdbc.update("UPDATE sim_contrOCC_referral SET status = ?, completed_at = ? WHERE referral_id = ? AND status = ?",
                COMPLETED, now(), idOf(REFERRAL_PREFIX, financeId), OPEN) == 1;
    }

    // ---- counts -------------------------------------------------------------------------------

    SimulatorStats stats(boolean up, long delayMillis) {
        return new SimulatorStats(up, delayMillis, count("sim_contrOCC_client"), count("sim_contrOCC_service_line"),
                count("sim_contrOCC_referral"), count("sim_contrOCC_import"),
                jdbc.queryForObject("SELECT COUNT(*) FROM sim_contrOCC_import WHERE status = ?", Long.class,
                        ImportStatus.REJECTED.name()));
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    // ---- helpers ------------------------------------------------------------------------------

    /**
     * The rows matching the filters given (a null value = any), in order. Only the filters given go into the query:
     * "(? IS NULL OR person_ref = ?)" keeps H2 from using the column's index, and it read every line and referral
     * finance holds on each import (the overlap check and each client lookup ask for one person's).
     */
    private <T> List<T> rowsWhere(String select, String orderBy, RowMapper<T> mapper, String[] columns, Object... values) {
        StringBuilder sql = new StringBuilder(select).append(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            if (values[i] != null) {
                sql.append(" AND ").append(columns[i]).append(" = ?");
                args.add(values[i]);
            }
        }
        return jdbc.query(sql.append(" ORDER BY ").append(orderBy).toString(), mapper, args.toArray());
    }

    /** Inserts a row and answers its generated id (also used by {@link SimulatedPaymentRuns}). */
    long insert(String sql, String idColumn, Object... args) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql, new String[] {idColumn});
            new ArgumentPreparedStatementSetter(args).setValues(statement);
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }

    static String financeId(String prefix, long id) {
        return String.format("%s%06d", prefix, id);
    }


    private static long idOf(String prefix, String financeId) {
        if (financeId == null || !financeId.matches(prefix + "\\d{1,18}")) {
            return -1; // matches no row
        }
        return Long.parseLong(financeId.substring(prefix.length()));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
