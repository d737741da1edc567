package org.carehub.reference;

/**
 * Published when changed mappings passed validation and are now in force, e.g. so parked messages
 * whose reason is {@code retryOnMappingReload} can be tried again.
 */
public record MappingsReloaded(MappingsSnapshot snapshot) {
}
