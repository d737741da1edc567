package org.carehub.simulators.contrOCC;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.carehub.finance.DeathImport;
import org.carehub.finance.DeathImportResult;
import org.carehub.finance.DeathImportResult.CeasedLine;
import org.carehub.finance.contrOCC.ClientRecord;
import org.carehub.finance.contrOCC.ImportResult;
import org.carehub.finance.contrOCC.ImportStatus;
import org.carehub.finance.contrOCC.RejectionReason;
import org.carehub.finance.contrOCC.ServiceLine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What the simulated ContrOCC does when told a client died: records the date of death and ends every service line
 * still running after it, by ContrOCC's rules, once per import reference (the same death sent again changes nothing).
 * Also answers finance's questions about a death: actuals paid for periods ending after it, lines still running.
 */
@Service
@ConditionalOnContrOCCSimulator
public class SimulatedDeaths {

    /** The end reason ContrOCC gives a line it ends because the client died. */
    static final String END_REASON = "Client died";

    private final ContrOCCSimulator simulator;
    private final ContrOCCSimulatorStore store;
    private final JdbcTemplate jdbc;

    SimulatedDeaths(ContrOCCSimulator simulator, ContrOCCSimulatorStore store, JdbcTemplate jdbc) {
        this.simulator = simulator;
        this.store = store;
        this.jdbc = jdbc;
    }

    public DeathImportResult recordDeath(DeathImport death) {
        // The content of a death import is the person and the date; the same reference with another date is refused.
        ImportResult result = simulator.process(death.importReference(), "recordDeath",
                death.personRef() + "/" + death.dateOfDeath(), () -> apply(death));
        return new DeathImportResult(result, ceasedUnder(death.importReference()));
    }

    private ImportResult apply(DeathImport death) {
        String reference = death.importReference();
        String personRef = death.personRef();
        LocalDate dateOfDeath = death.dateOfDeath();
        if (!store.lockClient(personRef)) {
            return ImportResults.rejected(reference, RejectionReason.CLIENT_UNKNOWN, "personRef", personRef,
                    "ContrOCC holds no client " + personRef + "; there is no date of death to record or line to end");
        }
        ClientRecord client = store.client(personRef).orElseThrow();
        if (client.getDateOfBirth() != null && dateOfDeath.isBefore(client.getDateOfBirth())) {
            return ImportResults.rejected(reference, RejectionReason.INVALID, "dateOfDeath", dateOfDeath, "Date of death "
                    + dateOfDeath + " is before client " + personRef + "'s date of birth " + client.getDateOfBirth());
        }
        if (client.getDateOfDeath() != null && !client.getDateOfDeath().equals(dateOfDeath)) {
            return ImportResults.rejected(reference, RejectionReason.INVALID, "dateOfDeath", dateOfDeath, "ContrOCC holds"
                    + " date of death " + client.getDateOfDeath() + " for client " + personRef + ", not " + dateOfDeath);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.update("UPDATE sim_contrOCC_client SET date_of_death = ?, updated_at = ? WHERE person_ref = ?",
                dateOfDeath, now, personRef);
        int ended = 0;
        for (SimulatedServiceLine held : store.serviceLines(personRef, null)) {
            ServiceLine line = held.line();
            if (line.getEndDate() != null && !line.getEndDate().isAfter(dateOfDeath)) {
                continue;
            }
            // A line cannot end before it starts: one that started after the death ends on its first day.
            LocalDate end = line.getStartDate().isAfter(dateOfDeath) ? line.getStartDate() : dateOfDeath;
            jdbc.update("INSERT INTO sim_contrOCC_death_cessation (import_reference, cpli_id, person_ref, previous_end_date,"
                    + " end_date, ceased_at) VALUES (?, ?, ?, ?, ?, ?)", reference, line.getCpliId(), personRef,
                    line.getEndDate(), end, now);
            line.setEndDate(end);
            line.setEndReason(END_REASON);
            store.replaceServiceLine(held.financeId(), line);
            ended++;
        }
        return ImportResults.done(reference, ImportStatus.UPDATED, client.getFinanceId(), "Date of death " + dateOfDeath
                + " recorded for client " + personRef + "; " + ended + " service line(s) ended");
    }

    private List<CeasedLine> ceasedUnder(String importReference) {
        return jdbc.query("SELECT * FROM sim_contrOCC_death_cessation WHERE import_reference = ? ORDER BY cpli_id",
                (rs, n) -> new CeasedLine(rs.getString("cpli_id"), rs.getString("person_ref"),
                        rs.getObject("previous_end_date", LocalDate.class), rs.getObject("end_date", LocalDate.class)),
                importReference);
    }

    /** The person's actuals for periods ending after the day (what may have been paid for after a death). */
    public List<SimulatedActual> actualsEndingAfter(String personRef, LocalDate day) {
        return store.actualsEndingAfter(personRef, day);
    }

    /** The person's service lines running past the day (open-ended or ending later). */
    public List<SimulatedServiceLine> linesRunningAfter(String personRef, LocalDate day) {
        return store.serviceLines(personRef, null).stream()
                .filter(held -> held.line().getEndDate() == null || held.line().getEndDate().isAfter(day))
                .toList();
    }
}
