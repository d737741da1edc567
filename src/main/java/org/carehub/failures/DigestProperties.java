package org.carehub.failures;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the owner teams' digest mail. Its schedule is {@code carehub.digest.cron} (read by
 * {@link BacklogDigest}'s {@code @Scheduled}; "-" turns it off).
 *
 * @param from the sender of the digest mails
 */
@ConfigurationProperties("carehub.digest")
public record DigestProperties(@DefaultValue("carehub@council.test") String from) {
}
