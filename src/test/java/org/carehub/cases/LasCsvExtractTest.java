package org.carehub.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.carehub.channels.TextDecoding;
import org.carehub.failures.Journey;
import org.carehub.failures.JourneyLedger;
import org.carehub.failures.JourneyStatus;
import org.carehub.failures.ParkedHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** LAS extract files dropped into the running hub's inbox, read by routes/las-csv-extract.yaml. */
class LasCsvExtractTest extends LasChannelsTestSupport {

    static final String HEADER = "event_id,version,event_type,las_person_id,nhs_number,forename,surname,date_of_birth,"
            + "address_line1,town,postcode,chargeable,date_of_death,cpli_id,service_code,provider_ref,contract_ref,"
            + "start_date,end_date,end_reason,element_code,unit,rate,planned_units_per_week,override_authorised_by,"
            + "override_reason,override_date,nhs_scheme,nhs_body,nhs_share_percent,referral_reason\n";
    static final String PARKED_QUEUE = ParkedHeaders.parkedQueueOf(LasIntake.QUEUE);

    @Autowired
    ObjectMapper json;

    @Autowired
    JourneyLedger ledger;

    @Test
    void rowsArriveAsEventsACareLineOverTwoRowsAsOneAndTheFileIsArchived() throws Exception {
        String client = unique("P");
        String careLineEvent = unique("EV");
        String fileName = unique("extract") + ".csv";
        String careLine = "event_id=" + careLineEvent + ";event_type=CARE_LINE_CREATED;las_person_id=" + client
                + ";cpli_id=CPLI-1;service_code=SUPP_LIVING;provider_ref=PRV001;start_date=2026-04-06"
                + ";nhs_scheme=CHC;nhs_body=ICB-NEL;nhs_share_percent=50;";
        String badDate = row("event_id=" + unique("EV") + ";event_type=CLIENT_CHANGED;las_person_id=" + unique("P")
                + ";forename=Bad;surname=Date;date_of_birth=31/02/1950");
        String text = HEADER
                + row("event_id=" + unique("EV") + ";event_type=CLIENT_REGISTERED;las_person_id=" + client
                        + ";nhs_number=4857773456;forename=Ada;surname=Lovelace;date_of_birth=10/12/1948"
                        + ";address_line1=1 Mill Lane;town=Leeds;postcode=LS1 1AA;chargeable=yes")
                + row(careLine + "element_code=DAY_SUPPORT;unit=HOUR;rate=24.10;planned_units_per_week=30")
                + row(careLine + "element_code=SLEEP_IN;unit=NIGHT;rate=98.40;planned_units_per_week=7"
                        + ";override_authorised_by=J Smith;override_reason=Complex needs;override_date=2026-04-01")
                + badDate
                + row("event_id=" + unique("EV") + ";event_type=DATE_OF_DEATH_RECORDED;las_person_id=" + client
                        + ";date_of_death=2026-05-01");
        drop(fileName, bytesWithBom(text));

        JsonNode registered = json.readTree(receive(LasIntake.QUEUE,
                "carehubClientId = '" + client + "' AND JMSXGroupID = '" + client + "'").text());
        assertThat(registered.path("type").asText()).isEqualTo("CLIENT_REGISTERED");
        assertThat(registered.path("client").path("dateOfBirth").asText()).isEqualTo("1948-12-10");
        assertThat(registered.path("client").path("chargeable").asBoolean()).isTrue();
        JsonNode careLineCreated = json.readTree(receive(LasIntake.QUEUE,
                "carehubCareLineId = 'CPLI-1' AND carehubClientId = '" + client + "'").text());
        assertThat(careLineCreated.path("eventId").asText()).isEqualTo(careLineEvent);
        JsonNode elements = careLineCreated.path("careLine").path("elements");
        assertThat(elements.findValuesAsText("elementCode")).containsExactly("DAY_SUPPORT", "SLEEP_IN");
        assertThat(elements.get(1).path("rateOverride").path("authorisedBy").asText()).isEqualTo("J Smith");
        assertThat(careLineCreated.path("careLine").path("nhsFunding").path("sharePercent").decimalValue())
                .isEqualByComparingTo("50");
        assertThat(json.readTree(receive(LasIntake.QUEUE, "carehubClientId = '" + client + "'").text())
                .path("type").asText()).isEqualTo("DATE_OF_DEATH_RECORDED");

        Received parked = receive(PARKED_QUEUE, explaining(fileName));
        assertThat(parked.property(ParkedHeaders.REASON_CODE)).isEqualTo("MALFORMED_CSV_ROW");
        assertThat(parked.property(ParkedHeaders.FIELD)).isEqualTo("date_of_birth");
        assertThat(parked.property(ParkedHeaders.VALUE)).isEqualTo("31/02/1950");
        assertThat(parked.property(ParkedHeaders.EXPLANATION)).containsIgnoringCase("line 5").contains("date_of_birth");
        assertThat(parked.text()).isEqualTo(HEADER + badDate);

        assertArchived(fileName, bytesWithBom(text));
    }

    @Test
    void rowBreakingTheModelIsParkedNamingItsColumnAndTheOtherRowsGoOn() throws Exception {
        String client = unique("P");
        String fileName = unique("extract") + ".csv";
        drop(fileName, (HEADER
                + row("event_id=" + unique("EV") + ";event_type=CARE_LINE_CREATED;las_person_id=" + client
                        + ";cpli_id=CPLI-2;provider_ref=PRV001;start_date=2026-04-06"
                        + ";element_code=DAY_SUPPORT;unit=HOUR;rate=24.10;planned_units_per_week=30")
                + row("event_id=" + unique("EV") + ";event_type=FINANCIAL_ASSESSMENT_REFERRAL;las_person_id=" + client
                        + ";referral_reason=Starts chargeable day care"))
                .getBytes(StandardCharsets.UTF_8));

        Received referral = receive(LasIntake.QUEUE, "carehubClientId = '" + client + "'");
        assertThat(json.readTree(referral.text()).path("assessmentReferral").path("reason").asText())
                .isEqualTo("Starts chargeable day care");
        Received invalid = receive(PARKED_QUEUE, explaining(fileName));
        assertThat(invalid.property(ParkedHeaders.FIELD)).isEqualTo("service_code");
        assertThat(invalid.property(ParkedHeaders.EXPLANATION)).containsIgnoringCase("line 2").contains("must not be blank");
    }

    @Test
    void unknownEventTypeAndAnEventSplitAcrossTheFileAreParked() throws Exception {
        String client = unique("P");
        String scattered = unique("EV");
        String fileName = unique("extract") + ".csv";
        String careLine = "event_id=" + scattered + ";event_type=CARE_LINE_CHANGED;las_person_id=" + client
                + ";cpli_id=CPLI-3;service_code=HOME_CARE;provider_ref=PRV007;start_date=2026-01-05;unit=HOUR;rate=22.50"
                + ";planned_units_per_week=10;element_code=";
        drop(fileName, (HEADER
                + row(careLine + "PERSONAL_CARE")
                + row("event_id=" + unique("EV") + ";event_type=CLIENT_MOVED;las_person_id=" + client)
                + row(careLine + "DOMESTIC")).getBytes(StandardCharsets.UTF_8));

        Received unknownType = receive(PARKED_QUEUE, explaining(fileName) + " AND carehubField = 'event_type'");
        assertThat(unknownType.property(ParkedHeaders.VALUE)).isEqualTo("CLIENT_MOVED");
        Received splitEvent = receive(PARKED_QUEUE, explaining(fileName) + " AND carehubField = 'event_id'");
        assertThat(splitEvent.property(ParkedHeaders.EXPLANATION)).containsIgnoringCase("line 4").contains("line 2")
                .contains("consecutive");
        assertThat(json.readTree(receive(LasIntake.QUEUE, "carehubCareLineId = 'CPLI-3'").text())
                .path("careLine").path("elements").findValuesAsText("elementCode")).containsExactly("PERSONAL_CARE");
    }

    @Test
    void windows1252ExportKeepsThePoundSignAndCurlyApostrophe() throws Exception {
        String client = unique("P");
        String fileName = unique("excel") + ".csv";
        byte[] excel = (HEADER + row("event_id=" + unique("EV") + ";event_type=CLIENT_REGISTERED;las_person_id=" + client
                + ";forename=Zo\u00eb;surname=O\u2019Brien \u00a3")).getBytes(TextDecoding.WINDOWS_1252);
        assertThat(excel).contains((byte) 0xA3);

        drop(fileName, excel);

        JsonNode event = json.readTree(receive(LasIntake.QUEUE, "carehubClientId = '" + client + "'").text());
        assertThat(event.path("client").path("forename").asText()).isEqualTo("Zo\u00eb");
        assertThat(event.path("client").path("surname").asText()).isEqualTo("O\u2019Brien \u00a3");
    }

    @Test
    void fileThatIsNotTextIsParkedWholeAsUnreadable() throws Exception {
        String fileName = unique("unicode") + ".csv";
        byte[] utf16 = (HEADER + row("event_id=" + unique("EV") + ";event_type=CLIENT_REGISTERED;las_person_id=P1"))
                .getBytes(StandardCharsets.UTF_16);

        drop(fileName, utf16);

        Received parked = receive(PARKED_QUEUE, explaining(fileName));
        assertThat(parked.property(ParkedHeaders.REASON_CODE)).isEqualTo("UNREADABLE_FILE");
        assertThat(parked.property(ParkedHeaders.EXPLANATION)).contains("UTF-16");
        assertThat(parked.body()).isEqualTo(utf16);
        assertArchived(fileName, utf16);
    }

    @Test
    void documentedExampleIsReadWithoutRefusals() throws Exception {
        String fileName = unique("example") + ".csv";

        drop(fileName, Files.readAllBytes(Path.of("docs/examples/las-csv-extract-example.csv")));

        JsonNode supportedLiving = json.readTree(receive(LasIntake.QUEUE, "carehubCareLineId = 'CPLI-778812'").text());
        assertThat(supportedLiving.path("careLine").path("elements").findValuesAsText("elementCode"))
                .containsExactly("DAY_SUPPORT", "SLEEP_IN");
        JsonNode ended = json.readTree(receive(LasIntake.QUEUE, "carehubCareLineId = 'CPLI-650144'").text());
        assertThat(ended.path("careLine").path("endReason").asText()).isEqualTo("Moved to residential care");
        assertThat(receive(LasIntake.QUEUE, "carehubClientId = 'LAS099120'").text()).contains("DATE_OF_DEATH_RECORDED");
        assertArchived(fileName, Files.readAllBytes(Path.of("docs/examples/las-csv-extract-example.csv")));
        assertThat(ledger.search("LAS100234", null, 10)).extracting(Journey::status)
                .containsOnly(JourneyStatus.QUEUED).hasSize(3);
    }

    /** A row of the template from "column=value;column=value" (version 1 unless given), the other columns empty. */
    private static String row(String values) {
        Map<String, String> byColumn = new HashMap<>(Map.of("version", "1"));
        for (String pair : values.split(";")) {
            String[] columnAndValue = pair.split("=", 2);
            byColumn.put(columnAndValue[0], columnAndValue[1]);
        }
        return Stream.of(HEADER.strip().split(",")).map(c -> byColumn.getOrDefault(c, ""))
                .collect(Collectors.joining(",")) + "\n";
    }

    private static byte[] bytesWithBom(String text) {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        return all;
    }

    private static void drop(String fileName, byte[] content) throws IOException {
        Files.createDirectories(INBOX);
        Files.write(INBOX.resolve(fileName), content);
    }

    private static String explaining(String fileName) {
        return ParkedHeaders.EXPLANATION + " LIKE '%" + fileName + "%'";
    }

    private static void assertArchived(String fileName, byte[] content) {
        Path today = ARCHIVE.resolve(LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE));
        String stem = fileName.substring(0, fileName.length() - ".csv".length());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(INBOX.resolve(fileName)).doesNotExist();
            List<Path> archived = list(today).stream().filter(p -> p.getFileName().toString().startsWith(stem + "-")).toList();
            assertThat(archived).singleElement().satisfies(p -> {
                assertThat(p.getFileName().toString()).matches(stem + "-\\d{9}\\.csv");
                assertThat(p).hasBinaryContent(content);
            });
        });
    }

    private static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
