package org.carehub.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.MessageConsumer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.carehub.HubTest;
import org.carehub.cases.CaseStore;
import org.carehub.cases.Client;
import org.carehub.cases.LasCsvProperties;
import org.carehub.cases.TestEvents;
import org.carehub.channels.HostileInputTable.Row;
import org.carehub.failures.ParkedHeaders;
import org.carehub.failures.ParkedQueues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;

/**
 * Every class of adversarial-inputs.md (src/test/resources/hostile) against every door into the hub that takes input
 * from outside: LAS REST (JSON), LAS SOAP, the LAS CSV extract folder, the date-of-death feed folder and the operator
 * REST APIs, in one shared hub. Each case asserts the specific reason given, that the original is kept (parked body,
 * byte for byte, or the folder's archive) and what bounds the memory spent, then adds its row to
 * {@link HostileInputTable}; the provider invoice doors (SFTP, email, REST) are {@code HostileInvoiceInputTest},
 * which fills the same table. Run both: {@code -Dtest='Hostile*Test'}; the table is target/hostile-inputs/table.md.
 * Payments, remittances and NHS claims are outbound only (files the hub writes), so they have no door here.
 */
class HostileInputSuiteTest extends HubTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String REST = "LAS REST (JSON)";
    private static final String SOAP = "LAS SOAP";
    private static final String CSV = "LAS CSV extract (folder)";
    private static final String DEATHS = "date-of-death feed (folder)";
    private static final String OPERATOR = "operator REST (failure desk)";
    private static final String DEATHS_PARKED = "carehub.deaths.notifications.parked";
    private static final String PARKED_BODY = "parked body, byte for byte";
    private static final String LAS_BOUND = "body read by BoundedBodyFilter up to the 1 MB limit (16 MB kept of an oversize one)";
    private static final String FOLDER_BOUND = "at most the limit + 1 byte read (BoundedBody.readFile)";
    private static final String CSV_HEADER = "event_id,version,event_type,las_person_id,nhs_number,forename,surname,"
            + "date_of_birth,address_line1,town,postcode,chargeable,cpli_id,service_code,provider_ref,start_date,element_code,"
            + "unit,rate,planned_units_per_week\n";
    private static final String DEATHS_HEADER = "nhs_number,forename,surname,date_of_birth,date_of_death,source,reference\n";
    private static final String FORMULA = "=HYPERLINK(\"http://evil.test\",\"pay\")";

    @Value("${carehub.las.max-message-bytes:1MB}")
    private DataSize lasLimit;
    @Autowired
    private LasCsvProperties csvSettings;
    @Autowired
    private CaseStore cases;
    @Value("${carehub.deaths.feed.max-file-size}")
    private DataSize deathsLimit;

    private final HttpClient client = HttpClient.newHttpClient();

    /** One hostile input for a door: its class in adversarial-inputs.md, what it is, its bytes and the answer due. */
    record Hostile(int inputClass, String label, byte[] bytes, int status, String reasonCode) {
        @Override
        public String toString() {
            return label;
        }
    }

    @AfterAll
    static void writeTable() {
        HostileInputTable.write();
    }

    // --- LAS REST: POST /api/las/events ---

    static Stream<Hostile> lasRestRefusals() {
        return Stream.of(
                new Hostile(2, "JSON nested 100,000 deep", utf8("{\"eventId\":\"EV-1\",\"note\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"),
                        400, "MALFORMED_JSON"),
                new Hostile(2, "a rate of 100,000 digits (quadratic BigDecimal parse)", careLineJson("EV", "1".repeat(100_000)),
                        400, "INVALID_EVENT"),
                new Hostile(6, "UTF-16 JSON", clientJson("EV", "Evans").getBytes(StandardCharsets.UTF_16), 400, "MESSAGE_NOT_UTF8"),
                new Hostile(6, "Windows-1252 £ (0xA3) in a name", concat(utf8("{\"eventId\":\"EV-1\",\"note\":\""),
                        new byte[] {(byte) 0xA3}, utf8("\"}")), 400, "MESSAGE_NOT_UTF8"),
                new Hostile(6, "overlong UTF-8 (0xC0 0xAF for /)", concat(utf8("{\"eventId\":\"EV"), new byte[] {(byte) 0xC0, (byte) 0xAF},
                        utf8("1\"}")), 400, "MESSAGE_NOT_UTF8"),
                new Hostile(6, "lone surrogate \\ud800 in a name", utf8(clientJson(TestEvents.unique("EV"), "Ev\\ud800ans")),
                        400, "INVALID_EVENT"),
                new Hostile(9, "rate with 3 decimal places (26.105)", careLineJson(TestEvents.unique("EV"), "26.105"), 400, "INVALID_EVENT"),
                new Hostile(9, "rate written 1e3", careLineJson(TestEvents.unique("EV"), "1e3"), 400, "INVALID_EVENT"),
                new Hostile(9, "negative rate (-26.10)", careLineJson(TestEvents.unique("EV"), "-26.10"), 400, "INVALID_EVENT"),
                new Hostile(1, "XML (with a DOCTYPE) sent to the JSON door", utf8("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"),
                        415, "MALFORMED_JSON"));
    }

    @ParameterizedTest(name = "LAS REST: {0}")
    @MethodSource("lasRestRefusals")
    void aHostileLasRestMessageIsRefusedWithItsReasonAndParked(Hostile hostile) throws Exception {
        String contentType = hostile.inputClass() == 1 ? "application/xml" : "application/json";
        HttpResponse<String> answer = post("/api/las/events", contentType, null, hostile.bytes());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(hostile.status());
        assertThat(json(answer.body(), "reasonCode")).isEqualTo(hostile.reasonCode());
        byte[] parked = awaitParked(LAS_PARKED_QUEUE, journeySelector(json(answer.body(), "journeyId"))).body();
        assertThat(parked).as("the parked original").isEqualTo(hostile.bytes());
        record(hostile, REST, answer.statusCode() + " " + hostile.reasonCode(), PARKED_BODY, LAS_BOUND);
    }

    @Test
    void anOversizeLasRestMessageIsRefusedAndWhatWasReadIsParked() throws Exception {
        byte[] big = concat(utf8("{\"eventId\":\""), utf8("x".repeat((int) lasLimit.toBytes())), utf8("\"}"));

        HttpResponse<String> answer = post("/api/las/events", "application/json", null, big);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(json(answer.body(), "reasonCode")).isEqualTo("MESSAGE_TOO_LARGE");
        assertThat(awaitParked(LAS_PARKED_QUEUE, journeySelector(json(answer.body(), "journeyId"))).body()).isEqualTo(big);
        record(new Hostile(5, "body over the 1 MB limit", big, 413, "MESSAGE_TOO_LARGE"), REST, "413 MESSAGE_TOO_LARGE",
                PARKED_BODY + " (up to 16 MB of it)", LAS_BOUND);
    }

    @Test
    void aLasRestMessageWithAByteOrderMarkOrAFormulaIsTakenAsDataAndItsResendIsADuplicate() throws Exception {
        String eventId = TestEvents.unique("EV");
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, clientJson(eventId, FORMULA).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> first = post("/api/las/events", "application/json", null, withBom);
        HttpResponse<String> again = post("/api/las/events", "application/json", null, withBom);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"duplicate\":true", json(first.body(), "journeyId"));
        String taken = "the event on carehub.las.events under its journey";
        record(new Hostile(6, "UTF-8 byte order mark", withBom, 202, null), REST, "202 taken (the BOM is no error)", taken, LAS_BOUND);
        record(new Hostile(7, "formula " + FORMULA + " as a surname", withBom, 202, null), REST,
                "202 taken as data; every CSV the hub writes starts such a cell with ' (SpreadsheetCells)", taken, LAS_BOUND);
        record(new Hostile(8, "same eventId + version sent twice", withBom, 200, null), REST,
                "200 \"duplicate\": true with the first journey; nothing new created", "the first one", "one indexed lookup");
    }

    @Test
    void anEventSentOverRestAndThenOverSoapIsADuplicateOnTheSecondDoor() throws Exception {
        String eventId = TestEvents.unique("EV");
        HttpResponse<String> rest = post("/api/las/events", "application/json", null, careLineJson(eventId, "26.10"));
        HttpResponse<String> soap = post("/services/las-events", "text/xml; charset=UTF-8", PUBLISH, utf8(envelope(eventId, "26.10", "")));

        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(202);
        assertThat(soap.statusCode()).as(soap.body()).isEqualTo(200);
        assertThat(xml(soap.body(), "duplicate")).isEqualTo("true");
        assertThat(xml(soap.body(), "journeyId")).isEqualTo(json(rest.body(), "journeyId"));
        record(new Hostile(8, "same eventId + version over REST, then SOAP", null, 200, null), SOAP,
                "duplicate=true with the REST journey; nothing new created", "the first one", "one indexed lookup");
    }

    static Stream<String> formulas() {
        return Stream.of("+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1");
    }

    @ParameterizedTest(name = "LAS REST: formula {0}")
    @MethodSource("formulas")
    void aFormulaInANameIsTakenAsDataAndKeptAsSent(String formula) throws Exception {
        String person = TestEvents.unique("LAS");
        byte[] event = utf8(clientJson(TestEvents.unique("EV"), "x").replace("\"surname\":\"x\"", "\"surname\":\""
                + formula.replace("\t", "\\t").replace("\r", "\\r") + "\"").replaceFirst("\"lasPersonId\":\"[^\"]+\"",
                "\"lasPersonId\":\"" + person + "\""));

        HttpResponse<String> answer = post("/api/las/events", "application/json", null, event);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        Client stored = await().atMost(WAIT).until(() -> cases.client(person), Optional::isPresent).get().value();
        assertThat(stored.surname()).as("kept as sent").isEqualTo(formula);
        record(new Hostile(7, "formula " + formula.replace("\t", "<tab>").replace("\r", "<CR>") + " as a surname", event, 202, null), REST,
                "202 taken as data; every CSV the hub writes starts such a cell with ' (SpreadsheetCells)",
                "the event on carehub.las.events under its journey", LAS_BOUND);
    }

    // --- LAS SOAP: /services/las-events ---

    static Stream<Hostile> lasSoapRefusals() {
        String id = TestEvents.unique("EV");
        return Stream.of(
                new Hostile(1, "XXE (ENTITY SYSTEM file:///etc/passwd)", utf8("<!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                        + envelope("&x;", "26.10", "")), 500, "XML_DOCTYPE_REFUSED"),
                new Hostile(2, "billion laughs", utf8(billionLaughs() + envelope("&lol9;", "26.10", "")), 500, "XML_DOCTYPE_REFUSED"),
                new Hostile(6, "Windows-1252 £ (0xA3) in a UTF-8 envelope", withByte(envelope(id + "£", "26.10", ""), (byte) 0xA3),
                        500, "MALFORMED_XML"),
                new Hostile(6, "lone surrogate &#xD800;", utf8(envelope(id + "&#xD800;", "26.10", "")), 500, "MALFORMED_XML"),
                new Hostile(9, "rate with 3 decimal places (26.105)", utf8(envelope(TestEvents.unique("EV"), "26.105", "")), 500, "INVALID_EVENT"),
                new Hostile(9, "rate written 1e3", utf8(envelope(TestEvents.unique("EV"), "1e3", "")), 500, "INVALID_EVENT"),
                new Hostile(9, "negative rate (-26.10)", utf8(envelope(TestEvents.unique("EV"), "-26.10", "")), 500, "INVALID_EVENT"),
                new Hostile(10, "elements nested 100,000 deep", utf8(envelope(TestEvents.unique("EV"), "26.10",
                        "<x>".repeat(100_000) + "</x>".repeat(100_000))), 500, "XML_TOO_COMPLEX"),
                new Hostile(10, "10,000 attributes on one element", utf8(envelope(TestEvents.unique("EV"), "26.10",
                        "<x " + attributes("a", 10_000) + "/>")), 500, "XML_TOO_COMPLEX"),
                new Hostile(10, "10,000 namespace declarations", utf8(envelope(TestEvents.unique("EV"), "26.10",
                        "<x " + attributes("xmlns:n", 10_000).replace("=\"v\"", "=\"urn:n\"") + "/>")), 500, "XML_TOO_COMPLEX"),
                new Hostile(10, "malformed XML", utf8(envelope(TestEvents.unique("EV"), "26.10", "").replace("</ev:eventId>", "</ev:eventIdd>")),
                        500, "MALFORMED_XML"));
    }

    @ParameterizedTest(name = "LAS SOAP: {0}")
    @MethodSource("lasSoapRefusals")
    void aHostileSoapMessageIsRefusedWithItsReasonAndParked(Hostile hostile) throws Exception {
        HttpResponse<String> answer = post("/services/las-events", "text/xml; charset=UTF-8", PUBLISH, hostile.bytes());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(hostile.status());
        assertThat(xml(answer.body(), "reasonCode")).as(answer.body()).isEqualTo(hostile.reasonCode());
        assertThat(answer.body()).doesNotContain("root:");
        assertThat(awaitParked(LAS_PARKED_QUEUE, journeySelector(xml(answer.body(), "journeyId"))).body()).isEqualTo(hostile.bytes());
        record(hostile, SOAP, "fault " + hostile.reasonCode(), PARKED_BODY, LAS_BOUND);
    }

    @ParameterizedTest(name = "LAS SOAP: UTF-8 under a Content-Type charset of {0}")
    @ValueSource(strings = {"ISO-8859-1", "windows-1252"})
    void aSoapMessageLabelledLatinButWrittenInUtf8IsRefusedAndParked(String charset) throws Exception {
        byte[] envelope = utf8(envelope(TestEvents.unique("EV") + "-Zoë", "26.10", ""));

        HttpResponse<String> answer = post("/services/las-events", "text/xml; charset=" + charset, PUBLISH, envelope);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(500);
        assertThat(xml(answer.body(), "reasonCode")).as(answer.body()).isEqualTo("MESSAGE_ENCODING_MISMATCH");
        ParkedBytes parked = awaitParked(LAS_PARKED_QUEUE, journeySelector(xml(answer.body(), "journeyId")));
        assertThat(parked.header(ParkedHeaders.EXPLANATION)).contains("Zoë", "would be read as", "ZoÃ«");
        assertThat(parked.body()).isEqualTo(envelope);
        record(new Hostile(6, "UTF-8 (\"Zoë\") under a Content-Type charset of " + charset, envelope, 500, "MESSAGE_ENCODING_MISMATCH"),
                SOAP, "fault MESSAGE_ENCODING_MISMATCH, naming the words that would be garbled", PARKED_BODY, LAS_BOUND);
    }

    /**
     * What the SOAP door reads by is the Content-Type's charset, UTF-8 when it names none (CXF never takes the XML
     * declaration's): UTF-8 bytes under a declaration of ISO-8859-1 are read right, and ISO-8859-1 bytes so labelled in
     * the Content-Type too.
     */
    static Stream<Arguments> rightlyReadLabels() {
        String declaration = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n";
        return Stream.of(
                Arguments.of("UTF-8 (\"Zoë\") under an XML declaration of ISO-8859-1, no charset", "text/xml", declaration,
                        StandardCharsets.UTF_8),
                Arguments.of("ISO-8859-1 (\"Zoë\" as the byte 0xEB) under a Content-Type charset of ISO-8859-1",
                        "text/xml; charset=ISO-8859-1", declaration, StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest(name = "LAS SOAP: {0}")
    @MethodSource("rightlyReadLabels")
    void aSoapMessageIsReadInTheCharacterSetItsContentTypeNames(String label, String contentType, String declaration,
                                                                Charset bytesIn) throws Exception {
        String eventId = TestEvents.unique("EV") + "-Zoë";
        byte[] envelope = (declaration + envelope(eventId, "26.10", "")).getBytes(bytesIn);

        HttpResponse<String> answer = post("/services/las-events", contentType, PUBLISH, envelope);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Map<?, ?> journey = as(VIEWER).get().uri(baseUrl() + "/api/journeys/" + xml(answer.body(), "journeyId")).retrieve().body(Map.class);
        assertThat(journey.get("eventId")).as("the event id as read").isEqualTo(eventId);
        record(new Hostile(6, label, envelope, 200, null), SOAP, "taken, \"Zoë\" read right",
                "the event on carehub.las.events under its journey", LAS_BOUND);
    }

    @Test
    void aSoapActionNamingAnotherOperationIsRefusedAndParked() throws Exception {
        byte[] envelope = utf8(envelope(TestEvents.unique("EV"), "26.10", ""));

        HttpResponse<String> answer = post("/services/las-events", "text/xml; charset=UTF-8",
                "\"http://carehub.org/las/events/v1/deleteEverything\"", envelope);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(500);
        assertThat(xml(answer.body(), "reasonCode")).as(answer.body()).isEqualTo("SOAP_ACTION_MISMATCH");
        assertThat(awaitParked(LAS_PARKED_QUEUE, journeySelector(xml(answer.body(), "journeyId"))).body()).isEqualTo(envelope);
        record(new Hostile(10, "SOAPAction naming another operation than the body", envelope, 500, "SOAP_ACTION_MISMATCH"), SOAP,
                "fault SOAP_ACTION_MISMATCH", PARKED_BODY, LAS_BOUND);
    }

    @Test
    void anOversizeSoapMessageIsRefusedWith413AndParked() throws Exception {
        byte[] big = utf8(envelope(TestEvents.unique("EV"), "26.10", "<!--" + "x".repeat((int) lasLimit.toBytes()) + "-->"));

        HttpResponse<String> answer = post("/services/las-events", "text/xml; charset=UTF-8", PUBLISH, big);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(xml(answer.body(), "reasonCode")).isEqualTo("MESSAGE_TOO_LARGE");
        assertThat(awaitParked(LAS_PARKED_QUEUE, journeySelector(xml(answer.body(), "journeyId"))).body()).isEqualTo(big);
        record(new Hostile(5, "envelope over the 1 MB limit", big, 413, "MESSAGE_TOO_LARGE"), SOAP, "413 fault MESSAGE_TOO_LARGE",
                PARKED_BODY + " (up to 16 MB of it)", LAS_BOUND + "; CXF never parses it");
    }

    // --- LAS CSV extract: files dropped into inbox/las ---

    /** A folder door: where files are dropped, where the route archives them and where it parks what it refuses. */
    record Folder(String channel, String inbox, String archive, String parkedQueue, String header) {
        @Override
        public String toString() {
            return channel;
        }
    }

    static Stream<Folder> folders() {
        return Stream.of(
                new Folder(CSV, "inbox/las", "archive/las", LAS_PARKED_QUEUE, CSV_HEADER),
                new Folder(DEATHS, "inbox/deaths", "inbox/deaths/done", DEATHS_PARKED, DEATHS_HEADER));
    }

    static Stream<Arguments> folderFileRefusals() {
        return folders().flatMap(folder -> Stream.of(
                new Hostile(6, "UTF-16 file", (folder.header() + "EV-1,1\n").getBytes(StandardCharsets.UTF_16), 0, "UNREADABLE_FILE"),
                new Hostile(6, "bytes neither UTF-8 nor Windows-1252", concat(utf8(folder.header()), new byte[] {(byte) 0x81, (byte) 0x8D, '\n'}),
                        0, "UNREADABLE_FILE"),
                new Hostile(6, "a NUL byte (binary file)", concat(utf8(folder.header()), new byte[] {'E', 0, 'V', '\n'}), 0, "UNREADABLE_FILE"),
                new Hostile(5, "file cut off inside a quoted cell", utf8(folder.header() + "\"EV-1,1,CLIENT_REGISTERED\n"), 0, "UNREADABLE_FILE"))
                .map(hostile -> Arguments.of(folder, hostile)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("folderFileRefusals")
    void aHostileFileInAFolderDoorIsParkedWholeAndArchived(Folder folder, Hostile hostile) throws Exception {
        String name = TestEvents.unique("hostile") + ".csv";
        drop(dataDir().resolve(folder.inbox()), name, hostile.bytes());

        ParkedBytes parked = awaitParked(folder.parkedQueue(), explaining(name));
        assertThat(parked.header(ParkedHeaders.REASON_CODE)).isEqualTo(hostile.reasonCode());
        assertThat(parked.body()).isEqualTo(hostile.bytes());
        assertThat(archived(dataDir().resolve(folder.archive()), name)).hasBinaryContent(hostile.bytes());
        record(hostile, folder.channel(), hostile.reasonCode(), PARKED_BODY + "; file in " + folder.archive() + "/<day>/", FOLDER_BOUND);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void aFileOverAFolderDoorsLimitIsParkedAfterReadingOneBytePastIt(Folder folder) throws Exception {
        DataSize limit = folder.channel().equals(CSV) ? csvSettings.maxFileBytes() : deathsLimit;
        String name = TestEvents.unique("huge") + ".csv";
        byte[] huge = new byte[(int) limit.toBytes() + 1000];
        Arrays.fill(huge, (byte) 'x');
        drop(dataDir().resolve(folder.inbox()), name, huge);

        ParkedBytes parked = awaitParked(folder.parkedQueue(), explaining(name));
        assertThat(parked.header(ParkedHeaders.REASON_CODE)).isEqualTo("UNREADABLE_FILE");
        assertThat(parked.body()).as("what was read of it").hasSize((int) limit.toBytes() + 1);
        assertThat(archived(dataDir().resolve(folder.archive()), name)).hasSize(huge.length);
        record(new Hostile(5, "file over the " + limit.toMegabytes() + " MB limit", huge, 0, "UNREADABLE_FILE"),
                folder.channel(), "UNREADABLE_FILE", "whole file in " + folder.archive() + "; parked: its first limit + 1 bytes",
                FOLDER_BOUND + " (asserted)");
    }

    /** The rate cell of a CSV row: the hostile part of the row. */
    static Stream<Hostile> lasCsvRowRefusals() {
        return Stream.of(
                new Hostile(9, "rate with 3 decimal places (26.105)", utf8("26.105"), 0, "MALFORMED_CSV_ROW"),
                new Hostile(9, "rate written 1e3", utf8("1e3"), 0, "MALFORMED_CSV_ROW"),
                new Hostile(9, "negative rate (-26.10)", utf8("-26.10"), 0, "MALFORMED_CSV_ROW"));
    }

    @ParameterizedTest(name = "LAS CSV row: {0}")
    @MethodSource("lasCsvRowRefusals")
    void aLasCsvRowWithAnAmountFinanceWouldRoundIsParkedWithItsLine(Hostile hostile) throws Exception {
        String rate = new String(hostile.bytes(), StandardCharsets.UTF_8);
        String name = TestEvents.unique("rates") + ".csv";
        String row = String.join(",", TestEvents.unique("EV"), "1", "CARE_LINE_CREATED", TestEvents.unique("LAS"), "", "", "", "", "", "",
                "", "", TestEvents.unique("CPLI"), "HOMECARE", "PRV-001", "2026-11-02", "PERSONAL_CARE", "hour", rate, "10") + "\n";
        byte[] file = utf8(CSV_HEADER + row);
        drop(lasInbox(), name, file);

        ParkedBytes parked = awaitParked(LAS_PARKED_QUEUE, explaining(name));
        assertThat(parked.header(ParkedHeaders.REASON_CODE)).isEqualTo(hostile.reasonCode());
        assertThat(parked.header(ParkedHeaders.EXPLANATION)).contains("rate");
        assertThat(new String(parked.body(), StandardCharsets.UTF_8)).isEqualTo(CSV_HEADER + row);
        record(hostile, CSV, hostile.reasonCode() + " with its line and column", "parked row (with the header); file in archive/las",
                FOLDER_BOUND);
    }

    @Test
    void aWindows1252LasCsvFileWithAFormulaIsReadAndTheFormulaTakenAsData() throws Exception {
        String person = TestEvents.unique("LAS");
        String name = TestEvents.unique("excel") + ".csv";
        String row = String.join(",", TestEvents.unique("EV"), "1", "CLIENT_REGISTERED", person, "9434765919", "Joan",
                "\"" + FORMULA.replace("\"", "\"\"") + " £\"", "1938-04-02", "12 Mill Street", "Croydon", "CR0 1AB", "yes",
                "", "", "", "", "", "", "", "") + "\n";
        byte[] file = (CSV_HEADER + row).getBytes(TextDecoding.WINDOWS_1252);
        drop(lasInbox(), name, file);

        Map<?, ?>[] journeys = await().atMost(WAIT).until(() -> as(VIEWER).get().uri(baseUrl() + "/api/journeys?clientId=" + person)
                .retrieve().body(Map[].class), j -> j != null && j.length > 0);
        assertThat(journeys).hasSize(1);
        assertThat(archived(dataDir().resolve("archive/las"), name)).hasBinaryContent(file);
        String taken = "file in archive/las; the event on carehub.las.events";
        record(new Hostile(6, "Windows-1252 £ (0xA3), as Excel saves CSV", file, 0, null), CSV, "read as Windows-1252 (£ kept)",
                taken, FOLDER_BOUND);
        record(new Hostile(7, "formula " + FORMULA + " as a surname", file, 0, null), CSV,
                "taken as data; every CSV the hub writes starts such a cell with '", taken, FOLDER_BOUND);
    }

    @Test
    void aLasCsvFileStillBeingWrittenIsTakenOnlyOnceWhole() throws Exception {
        String person = TestEvents.unique("LAS");
        String name = TestEvents.unique("slow") + ".csv";
        byte[] file = utf8(CSV_HEADER + String.join(",", TestEvents.unique("EV"), "1", "CLIENT_REGISTERED", person, "9434765919",
                "Joan", "Evans", "1938-04-02", "12 Mill Street", "Croydon", "CR0 1AB", "yes", "", "", "", "", "", "", "", "") + "\n");
        Duration writing = csvSettings.settleTime().multipliedBy(4);

        // LAS writes straight into the inbox, a little at a time, for four times the settle time: a file read early
        // would be cut inside the row and parked MALFORMED_CSV_ROW.
        Files.createDirectories(lasInbox());
        int chunks = 20;
        try (var out = Files.newOutputStream(lasInbox().resolve(name))) {
            for (int i = 0; i < chunks; i++) {
                out.write(file, i * file.length / chunks, (i + 1) * file.length / chunks - i * file.length / chunks);
                out.flush();
                Thread.sleep(writing.toMillis() / chunks);
            }
        }

        Map<?, ?>[] journeys = await().atMost(WAIT).until(() -> as(VIEWER).get().uri(baseUrl() + "/api/journeys?clientId=" + person)
                .retrieve().body(Map[].class), j -> j != null && j.length > 0 && "DELIVERED".equals(j[0].get("status")));
        assertThat(journeys).hasSize(1);
        assertThat(archived(dataDir().resolve("archive/las"), name)).hasBinaryContent(file);
        record(new Hostile(5, "file still being written (" + chunks + " pieces over " + writing.toMillis() + " ms)", file, 0, null),
                CSV, "none: taken once unchanged for the settle time (readLock changed), whole",
                "file in archive/las; the event delivered", FOLDER_BOUND);
    }

    // --- Date-of-death feed: files dropped into inbox/deaths ---

    @Test
    void aDeathFeedRowCutShortIsParkedWithItsLineAndTheFileKept() throws Exception {
        String name = TestEvents.unique("deaths") + ".csv";
        byte[] file = utf8(DEATHS_HEADER + "9434765919,Joan,Ev");
        drop(deathsInbox(), name, file);

        ParkedBytes parked = awaitParked(DEATHS_PARKED, explaining(name));
        assertThat(parked.header(ParkedHeaders.REASON_CODE)).isEqualTo("MALFORMED_CSV_ROW");
        assertThat(parked.body()).isEqualTo(file);
        assertThat(archived(deathsInbox().resolve("done"), name)).hasBinaryContent(file);
        record(new Hostile(5, "row cut short (partial file)", file, 0, "MALFORMED_CSV_ROW"), DEATHS, "MALFORMED_CSV_ROW with its line",
                PARKED_BODY + "; file in inbox/deaths/done/<day>/", FOLDER_BOUND);
    }

    // --- Operator REST: the failure desk ---

    @Test
    void anOperatorRequestOverOneMegabyteIsRefusedWith413() throws Exception {
        byte[] big = utf8("{\"field\":\"/careLine/providerRef\",\"value\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"why\":\"x\"}");

        HttpResponse<String> answer = postAs(OPERATOR_USER, "/api/parked/" + TestEvents.unique("J") + "/resubmit", big);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.body()).contains("1048576 bytes");
        assertHubStillAnswers();
        record(new Hostile(5, "2 MB edit sent to the failure desk", big, 413, null), OPERATOR,
                "413 \"over 1048576 bytes, the most an operator request may be\"",
                "not kept: an operator's own request, refused before it changes anything", "at most 1 MB + 1 byte read (OperatorRequestBodies)");
    }

    @Test
    void anOperatorRequestNestedDeeplyIsRefusedAsUnreadable() throws Exception {
        byte[] deep = utf8("{\"why\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}");

        HttpResponse<String> answer = postAs(OPERATOR_USER, "/api/parked/" + TestEvents.unique("J") + "/discard", deep);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("not the JSON expected");
        assertHubStillAnswers();
        record(new Hostile(2, "JSON nested 100,000 deep", deep, 400, null), OPERATOR, "400 \"not the JSON expected\"",
                "not kept: nothing changed", "Jackson's nesting limit (1000) and the 1 MB cap");
    }

    // --- helpers ---

    private static final String PUBLISH = "\"http://carehub.org/las/events/v1/publishEvent\"";
    private static final String OPERATOR_USER = HubTest.OPERATOR;

    private void record(Hostile hostile, String channel, String reason, String kept, String bound) {
        HostileInputTable.add(new Row(hostile.inputClass(), hostile.label(), channel, reason, kept, bound));
    }

    private HttpResponse<String> post(String path, String contentType, String soapAction, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", contentType)
                .header("Authorization", basic(LAS)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (soapAction != null) {
            request.header("SOAPAction", soapAction);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> postAs(String user, String path, byte[] body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
                .header("Authorization", basic(user)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password(user)).getBytes(StandardCharsets.UTF_8));
    }

    private void assertHubStillAnswers() {
        assertThat(as(VIEWER).get().uri(baseUrl() + "/api/parked?size=1").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
    }

    private Path lasInbox() {
        return dataDir().resolve("inbox/las");
    }

    private Path deathsInbox() {
        return dataDir().resolve("inbox/deaths");
    }

    /** Writes the file beside the folder and moves it in whole, as a careful sender does. */
    private static void drop(Path folder, String name, byte[] bytes) throws IOException {
        Files.createDirectories(folder);
        Path written = Files.write(folder.resolveSibling(name + ".writing"), bytes);
        Files.move(written, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The archived copy of a file the route took (archive/<day>/<name>-<time>.csv). */
    private static Path archived(Path archive, String name) {
        String stem = name.substring(0, name.length() - ".csv".length());
        return await().atMost(WAIT).until(() -> {
            if (!Files.isDirectory(archive)) {
                return Optional.<Path>empty();
            }
            try (Stream<Path> files = Files.walk(archive)) {
                return files.filter(p -> p.getFileName().toString().startsWith(stem + "-")).findFirst();
            }
        }, Optional::isPresent).get();
    }

    private static String explaining(String fileName) {
        return ParkedHeaders.EXPLANATION + " LIKE '%" + fileName + "%'";
    }

    private static String journeySelector(String journeyId) {
        assertThat(journeyId).as("journey id in the answer").isNotBlank();
        return ParkedHeaders.JOURNEY_ID + " = '" + journeyId + "'";
    }

    /**
     * The parked input, read (headers and body) and then taken off its queue: the shared hub's other tests list the
     * parked queues, and Artemis can end a browse early at a large parked message (see ParkedQueues.hasMore).
     */
    private ParkedBytes awaitParked(String queue, String selector) {
        ParkedBytes parked = awaitFirstParked(queue, selector, WAIT);
        jms.execute(session -> {
            try (MessageConsumer taker = session.createConsumer(session.createQueue(queue), selector)) {
                assertThat(taker.receive(WAIT.toMillis())).as("parked input taken off " + queue).isNotNull();
            }
            return null;
        }, true);
        return parked;
    }

    private static String json(String body, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private static String xml(String body, String element) {
        Matcher m = Pattern.compile("<(?:\\w+:)?" + element + ">([^<]*)</").matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private static String clientJson(String eventId, String surname) {
        return """
                {"eventId":"%s","version":1,"type":"CLIENT_REGISTERED","client":{"lasPersonId":"%s","nhsNumber":"9434765919",
                "forename":"Joan","surname":"%s","dateOfBirth":"1938-04-02","chargeable":true,
                "address":{"line1":"12 Mill Street","town":"Croydon","postcode":"CR0 1AB"}}}"""
                .formatted(eventId, TestEvents.unique("LAS"), surname.replace("\"", "\\\""));
    }

    private static byte[] careLineJson(String eventId, String rate) {
        return utf8("""
                {"eventId":"%s","version":1,"type":"CARE_LINE_CREATED","careLine":{"cpliId":"%s","clientId":"%s",
                "serviceCode":"HOMECARE","providerRef":"PRV-001","startDate":"2026-11-02","elements":[{"elementCode":"PERSONAL_CARE",
                "unit":"hour","rate":%s,"plannedUnitsPerWeek":"10"}]}}""".formatted(eventId, TestEvents.unique("CPLI"),
                TestEvents.unique("LAS"), rate));
    }

    /** A care line over SOAP, with {@code extra} in its SOAP header (hostile structure). */
    private static String envelope(String eventId, String rate, String extra) {
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ev="http://carehub.org/las/events/v1">
                  <soapenv:Header>%s</soapenv:Header>
                  <soapenv:Body><ev:publishEvent><ev:event>
                    <ev:eventId>%s</ev:eventId><ev:version>1</ev:version><ev:type>CARE_LINE_CREATED</ev:type>
                    <ev:careLine><ev:cpliId>%s</ev:cpliId><ev:clientId>%s</ev:clientId><ev:serviceCode>HOMECARE</ev:serviceCode>
                      <ev:providerRef>PRV-001</ev:providerRef><ev:startDate>2026-11-02</ev:startDate>
                      <ev:careLineElement><ev:elementCode>PERSONAL_CARE</ev:elementCode><ev:unit>hour</ev:unit><ev:rate>%s</ev:rate>
                        <ev:plannedUnitsPerWeek>10</ev:plannedUnitsPerWeek></ev:careLineElement></ev:careLine>
                  </ev:event></ev:publishEvent></soapenv:Body>
                </soapenv:Envelope>""".formatted(extra, eventId, TestEvents.unique("CPLI"), TestEvents.unique("LAS"), rate);
    }

    private static String attributes(String prefix, int count) {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < count; i++) {
            attributes.append(prefix).append(i).append("=\"v\" ");
        }
        return attributes.toString();
    }

    /** Ten entities each ten times the one before: a billion "lol"s once expanded. */
    private static String billionLaughs() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE e [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return doctype.append("]>\n").toString();
    }

    /** The text in UTF-8, its one £ replaced by a single other byte. */
    private static byte[] withByte(String text, byte b) {
        int at = text.indexOf('£');
        return concat(utf8(text.substring(0, at)), new byte[] {b}, utf8(text.substring(at + 1)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
