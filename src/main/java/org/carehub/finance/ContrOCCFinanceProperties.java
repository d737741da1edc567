package org.carehub.finance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where ContrOCC's import service is and how long to wait for it, under
 * {@code carehub.finance.contrOCC.*} (relaxed binding accepts {@code contrOCC} or {@code controcc}).
 *
 * @param url              the import service; may name {@code ${local.server.port}}, resolved on first use
 *                         (the default is the simulator inside this hub)
 * @param connectTimeoutMs how long to wait for a connection
 * @param receiveTimeoutMs how long to wait for an answer
 */
@ConfigurationProperties("carehub.finance.controcc")
public record ContrOCCFinanceProperties(
        @DefaultValue(DEFAULT_URL) String url,
        @DefaultValue("2000") long connectTimeoutMs,
        @DefaultValue("10000") long receiveTimeoutMs) {

    /** The simulator published by this process, on whatever port the web server got. */
    public static final String DEFAULT_URL = "http://127.0.0.1:${local.server.port:${server.port:8080}}${cxf.path:/services}/contrOCC-sim";
}
