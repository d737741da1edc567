package org.carehub.failures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.carehub.HubTest;
import org.carehub.cases.CareLine;
import org.carehub.cases.CareLineElement;
import org.carehub.cases.Client;
import org.carehub.cases.TestEvents;
import org.carehub.reference.ReferenceData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Support staff's way through the console, in a real browser: sign in as operator, see the parked
 * care line on the dead-letter queue in Hawtio's JMX tab, find it on the Failure desk by its reason,
 * read the explanation, fix the cause in mappings/ and retry it from the page until finance holds it.
 */
class FailureDeskConsoleTest extends HubTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocalDate START = LocalDate.now().minusDays(7);
    private static final String REASON = "NO_FINANCE_MAPPING";
    /** Day centre transport is on the rate card but finance has no code for it (mappings/finance-codes.csv). */
    private static final String SERVICE = "DAY_CARE";
    private static final String UNMAPPED_ELEMENT = "TRANSPORT";

    @DynamicPropertySource
    static void operatorRetriesByHand(DynamicPropertyRegistry registry) {
        // The reload would retry the care line by itself; here the operator retries it from the page.
        registry.add("carehub.failure-desk.retry-on-mapping-reload", () -> "false");
    }

    @Autowired
    ReferenceData reference;

    ConsoleBrowser browser;

    @BeforeEach
    void browser() {
        assumeTrue(ConsoleBrowser.installed() || System.getenv("CI") != null,
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver); "
                        + "the console test runs wherever they are, and always in CI");
        browser = new ConsoleBrowser();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void operator_finds_a_parked_care_line_on_the_failure_desk_fixes_the_mapping_and_retries_it_to_finance() {
        assertThat(reference.financeCode(SERVICE, UNMAPPED_ELEMENT)).as("precondition: no finance code yet").isEmpty();
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        CareLine good = new TestEvents(reference).goodCareLine(client.lasPersonId(), SERVICE, START);
        List<CareLineElement> elements = new ArrayList<>(good.elements());
        elements.add(new TestEvents(reference).element(SERVICE, UNMAPPED_ELEMENT, START));
        CareLine line = TestEvents.withElements(good, elements);
        publishAndGetJourney(TestEvents.registered(client));
        String journey = publishAndGetJourney(TestEvents.created(line));
        await().atMost(WAIT).until(() -> !parkedJourney(journey).isEmpty());
        assertThat(parkedJourney(journey).get(0).header(ParkedHeaders.REASON_CODE)).isEqualTo(REASON);

        signInAsOperator();

        // Hawtio's JMX tab: the dead-letter queue beside its flow queue, holding the parked message.
        browser.openNav("JMX");
        browser.type(By.id("input-search"), LAS_PARKED_QUEUE);
        // Artemis' tree: broker (named after this hub; other test hubs share the JVM) > addresses >
        // carehub.las.events.parked > queues > anycast > the queue itself.
        String nodeText = "//*[contains(@class,'tree-view__node-text')]";
        browser.click(By.xpath("//*[@id='jmx-tree-view']//li[div" + nodeText + "[normalize-space()='" + hubName() + "']]"
                + "//li[div" + nodeText + "[normalize-space()='anycast']]/ul"
                + nodeText + "[normalize-space()='" + LAS_PARKED_QUEUE + "']"), "the parked queue in the JMX tree");
        By messageCount = By.xpath("//tr[td[normalize-space()='MessageCount']]");
        browser.waitFor(messageCount, "the parked queue's attributes");
        assertThat(browser.text(messageCount)).as("MessageCount of " + LAS_PARKED_QUEUE).containsPattern("MessageCount\\s+1\\b");
        browser.screenshot("jmx-parked-queue");

        // The Failure desk, filtered by the reason.
        By row = findOnFailureDesk(REASON, journey);
        assertThat(browser.all(By.cssSelector("tr[data-testid='fd-row']")))
                .allSatisfy(r -> assertThat(r.getAttribute("data-reason-code")).isEqualTo(REASON));
        assertThat(browser.text(row)).contains(line.cpliId()).contains(client.lasPersonId()).contains("FINANCE_SYSTEMS");
        browser.screenshot("failure-desk-list");

        // Explain: what is wrong, where, and the fix.
        explain(journey);
        assertThat(browser.text(By.id("fd-explain-field"))).isEqualTo("careLine.elements[" + (elements.size() - 1) + "].elementCode");
        assertThat(browser.text(By.id("fd-explain-value"))).isEqualTo(UNMAPPED_ELEMENT);
        assertThat(browser.text(By.id("fd-explain-explanation"))).isNotBlank();
        assertThat(browser.text(By.id("fd-explain-fix"))).isNotBlank();
        assertThat(browser.text(By.id("fd-explain-payload"))).contains(line.cpliId());
        assertThat(browser.all(By.cssSelector("#fd-explain-steps tbody tr"))).isNotEmpty();
        browser.scrollTo(By.id("fd-explain"));
        browser.screenshot("failure-desk-explain");

        // Fix the cause: finance systems add the missing code; the hub reloads mappings by itself.
        append(mappingsDir().resolve("finance-codes.csv"), SERVICE + "," + UNMAPPED_ELEMENT + ",DAY-TRANS,52410,ASC-DAY");
        await().atMost(WAIT).until(() -> reference.financeCode(SERVICE, UNMAPPED_ELEMENT).isPresent());

        // Retry from the page, saying why.
        browser.click(By.id("fd-explain-retry"), "Retry in the explain panel");
        browser.type(By.id("fd-why"), "Finance code DAY-TRANS added for day centre transport");
        browser.click(By.id("fd-action-confirm"), "the Retry confirmation");
        successNotice("Retry: 1 of 1");

        await().atMost(WAIT).untilAsserted(() -> assertThat(financeServiceLines(line.cpliId())).hasSize(1));
        assertThat(financeServiceLines(line.cpliId()).get(0).toString()).contains("DAY-TRANS");
        assertThat(parkedJourney(journey)).isEmpty();
        browser.waitUntilGone(row, "the retried care line leaving the list");
    }

    @Test
    void operator_edits_and_resubmits_a_wrong_provider_and_discards_a_care_line_only_with_a_reason() {
        TestEvents events = new TestEvents(reference);
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        publishAndGetJourney(TestEvents.registered(client));
        CareLine good = events.goodCareLine(client.lasPersonId(), "HOMECARE", START);
        String typo = good.providerRef() + "X";
        String wrongProvider = park(TestEvents.withProvider(good, typo), "UNKNOWN_PROVIDER");
        CareLine unwanted = events.goodCareLine(TestEvents.unique("LAS"), "HOMECARE", START);
        String unregistered = park(unwanted, "CLIENT_NOT_REGISTERED");
        signInAsOperator();

        // Edit and resubmit: the field at fault comes pre-filled as a JSON pointer with its value.
        findOnFailureDesk("UNKNOWN_PROVIDER", wrongProvider);
        explain(wrongProvider);
        browser.click(By.id("fd-explain-resubmit"), "Edit and resubmit");
        assertThat(browser.waitFor(By.id("fd-edit-field"), "the field to edit").getAttribute("value")).isEqualTo("/careLine/providerRef");
        assertThat(browser.waitFor(By.id("fd-edit-value"), "the value to edit").getAttribute("value")).isEqualTo(typo);
        browser.type(By.id("fd-edit-value"), good.providerRef());
        browser.type(By.id("fd-why"), "Typo in the provider reference, confirmed with LAS");
        browser.click(By.id("fd-action-confirm"), "the Resubmit confirmation");
        successNotice("to " + good.providerRef());
        await().atMost(WAIT).untilAsserted(() -> assertThat(financeServiceLines(good.cpliId())).hasSize(1));

        // Discard: refused without a reason, done with one.
        findOnFailureDesk("CLIENT_NOT_REGISTERED", unregistered);
        explain(unregistered);
        browser.click(By.id("fd-explain-discard"), "Discard");
        assertThat(browser.waitFor(By.id("fd-action-confirm"), "the Discard confirmation").isEnabled()).as("discard without why").isFalse();
        browser.type(By.id("fd-why"), "Entered on the wrong person in LAS; re-entered there");
        browser.click(By.id("fd-action-confirm"), "the Discard confirmation");
        successNotice("Discard: 1 of 1");
        assertThat(parkedJourney(unregistered)).isEmpty();
        assertThat(as(VIEWER).get().uri(baseUrl() + "/api/journeys/" + unregistered).retrieve().body(Map.class))
                .containsEntry("status", "DISCARDED");
    }

    private String park(CareLine line, String reason) {
        String journey = publishAndGetJourney(TestEvents.created(line));
        await().atMost(WAIT).until(() -> !parkedJourney(journey).isEmpty());
        assertThat(parkedJourney(journey).get(0).header(ParkedHeaders.REASON_CODE)).isEqualTo(reason);
        return journey;
    }

    private void signInAsOperator() {
        browser.open(baseUrl() + "/actuator/hawtio/");
        browser.signIn(OPERATOR, "operator-pass");
    }

    /** Opens the Failure desk filtered by the reason and waits for the journey's row. */
    private By findOnFailureDesk(String reason, String journey) {
        browser.openNav("Failure desk");
        browser.waitFor(By.id("failure-desk"), "the Failure desk page");
        browser.type(By.id("fd-filter-reason"), reason);
        browser.click(By.id("fd-apply"), "the Filter button");
        By row = By.cssSelector("tr[data-testid='fd-row'][data-journey-id='" + journey + "']");
        browser.waitFor(row, "the parked message's row");
        return row;
    }

    private void explain(String journey) {
        browser.click(By.cssSelector("tr[data-journey-id='" + journey + "'] [data-testid='fd-explain-button']"), "Explain");
        browser.waitFor(By.cssSelector("#fd-explain[data-journey-id='" + journey + "']"), "the explain panel");
    }

    /** Waits for the page to report success with this text (a notice from an earlier action does not count). */
    private void successNotice(String text) {
        browser.waitForText(By.cssSelector("#fd-notice[data-variant='success']"), text);
    }

    private List<Map<?, ?>> financeServiceLines(String cpliId) {
        return http.get().uri(baseUrl() + "/simulators/contrOCC/service-lines?cpliId=" + cpliId).retrieve().body(List.class);
    }

    private static void append(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
