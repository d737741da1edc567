package org.carehub.simulators.registrar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stands in for the registrar / NHS date-of-death feed in the default run: every interval drops a small feed file into
 * the deaths folder naming people who died, drawn from the clients LAS sent (the hub's case store stands in for the
 * population): one with their NHS number, one by name and date of birth only, and one person the council does not
 * support. So the default run shows deaths applied in finance, tasks for social work, a match to confirm and a count of
 * the unmatched, without flooding anyone. Off unless {@code carehub.simulators.registrar.enabled}.
 */
@Component
@ConditionalOnProperty(prefix = "carehub.simulators.registrar", name = "enabled", havingValue = "true")
public class RegistrarFeedSimulator {

    private static final Logger log = LoggerFactory.getLogger(RegistrarFeedSimulator.class);
    private static final String HEADER = "nhs_number,forename,surname,date_of_birth,date_of_death,source,reference\n";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final JdbcTemplate jdbc;
    private final Path folder;
    private final Random random = new Random();

    public RegistrarFeedSimulator(JdbcTemplate jdbc, @Value("${carehub.deaths.feed.folder}") Path folder) {
        this.jdbc = jdbc;
        this.folder = folder;
    }

    private record Person(String nhsNumber, String forename, String surname, LocalDate dateOfBirth) {
    }

    @Scheduled(initialDelayString = "${carehub.simulators.registrar.initial-delay-ms:60000}",
            fixedDelayString = "${carehub.simulators.registrar.interval-ms:300000}")
    public void dropFeedFile() {
        List<Person> living = new ArrayList<>(jdbc.query("""
                SELECT nhs_number, forename, surname, date_of_birth FROM las_client
                 WHERE date_of_death IS NULL AND nhs_number IS NOT NULL AND date_of_birth IS NOT NULL
                   AND forename IS NOT NULL AND surname IS NOT NULL
                 ORDER BY updated_at DESC LIMIT 50""",
                (rs, i) -> new Person(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class))));
        if (living.size() < 2) {
            return; // LAS has not sent enough clients yet
        }
        Collections.shuffle(living, random);
        String stamp = LocalDateTime.now().format(STAMP);
        StringBuilder csv = new StringBuilder(HEADER);
        csv.append(row(living.get(0), true, stamp + "-1"));
        csv.append(row(living.get(1), false, stamp + "-2"));
        csv.append(row(new Person(null, "Edith", "Unknown-" + stamp, LocalDate.of(1931, 2, 14)), false, stamp + "-3"));
        try {
            Files.createDirectories(folder);
            Path partial = Files.writeString(folder.resolve("registrar-" + stamp + ".part"), csv, StandardCharsets.UTF_8);
            Files.move(partial, folder.resolve("registrar-" + stamp + ".csv"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("Registrar simulator dropped a death feed of 3 notifications into {}", folder);
    }

    private String row(Person person, boolean withNhsNumber, String reference) {
        LocalDate died = LocalDate.now().minusDays(1 + random.nextInt(20));
        return String.join(",", withNhsNumber ? person.nhsNumber() : "", person.forename(), person.surname(),
                person.dateOfBirth().toString(), died.toString(), "REGISTRAR", "GRO-" + reference) + "\n";
    }
}
