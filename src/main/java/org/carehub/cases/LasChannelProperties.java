package org.carehub.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the LAS SOAP and REST channels.
 *
 * @param maxMessageBytes the largest event body accepted ({@code carehub.las.max-message-bytes}, 1 MiB);
 *                        a larger one is refused MESSAGE_TOO_LARGE
 */
@ConfigurationProperties("carehub.las")
public record LasChannelProperties(@DefaultValue("1MB") DataSize maxMessageBytes) {
}
