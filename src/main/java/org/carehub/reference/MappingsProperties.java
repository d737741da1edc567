package org.carehub.reference;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the mappings folder ({@code carehub.mappings-dir}) is watched.
 *
 * @param reloadIntervalMs how long to wait between looks for changed files, in milliseconds
 */
@ConfigurationProperties(prefix = "carehub.mappings")
public record MappingsProperties(@DefaultValue("5000") long reloadIntervalMs) {
}
