package org.carehub.failures;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the backlog view.
 *
 * @param oldestItems how many of the longest-waiting parked messages the backlog lists
 * @param zone        whose calendar decides "today" and days waiting (the council's); the digest schedule uses it too
 */
@ConfigurationProperties("carehub.backlog")
public record BacklogProperties(@DefaultValue("20") int oldestItems, @DefaultValue("Europe/London") ZoneId zone) {
}
