package org.carehub.simulators.contrOCC;

import java.time.LocalDate;
import java.util.List;
import org.carehub.finance.CoFundedCareLine;
import org.carehub.finance.contrOCC.ClientRecord;
import org.carehub.finance.contrOCC.ServiceLine;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated ContrOCC's co-funded care extract (GET /simulators/contrOCC/co-funded-care?from=&to=), as a council
 * runs it to make its NHS claims: each service line with NHS funding active on a day in the period, as finance
 * holds it now, with its client's NHS number and date of death and the actuals paid against it in the period.
 */
@RestController
@ConditionalOnContrOCCSimulator
@RequestMapping("${" + ContrOCCSimulatorProperties.PREFIX + ".path:/simulators/contrOCC}")
class CoFundedCareExtract {

    private final ContrOCCSimulatorStore store;
    private final JdbcTemplate jdbc;

    CoFundedCareExtract(ContrOCCSimulatorStore store, JdbcTemplate jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @GetMapping("/co-funded-care")
    List<CoFundedCareLine> coFundedCare(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return store.serviceLines(null, null).stream()
                .map(SimulatedServiceLine::line)
                .filter(line -> line.getNhsFunding() != null && !line.getStartDate().isAfter(to)
                        && (line.getEndDate() == null || !line.getEndDate().isBefore(from)))
                .map(line -> extract(line, from, to))
                .toList();
    }

    private CoFundedCareLine extract(ServiceLine line, LocalDate from, LocalDate to) {
        ClientRecord client = store.client(line.getPersonRef()).orElseThrow();
        List<CoFundedCareLine.Element> elements = line.getElements().stream()
                .map(e -> new CoFundedCareLine.Element(e.getElementType(), e.getRate(), e.getPlannedUnitsPerWeek())).toList();
        List<CoFundedCareLine.Actual> actuals = jdbc.query("""
                SELECT element_type, period_from, period_to, amount FROM sim_contrOCC_provider_actual
                 WHERE cpli_id = ? AND period_from <= ? AND period_to >= ? ORDER BY actual_id""",
                (rs, n) -> new CoFundedCareLine.Actual(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getBigDecimal(4)), line.getCpliId(), to, from);
        return new CoFundedCareLine(line.getCpliId(), line.getPersonRef(), client.getNhsNumber(), client.getForename(),
                client.getSurname(), client.getDateOfDeath(), line.getStartDate(), line.getEndDate(),
                line.getNhsFunding().getScheme(), line.getNhsFunding().getBody(), line.getNhsFunding().getSharePercent(),
                elements, actuals);
    }
}
