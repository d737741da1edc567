package org.carehub.simulators.contrOCC;

/** What the simulated ContrOCC holds and whether it is answering, for a demo or a test at a glance. */
public record SimulatorStats(boolean up, long delayMillis, long clients, long serviceLines, long referrals,
                             long imports, long rejectedImports) {
}
