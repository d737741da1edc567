package org.carehub.channels;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The hub's SFTP server for providers (README, "Providers: SFTP").
 *
 * @param enabled     whether the hub hosts the server (off when invoices are fetched from the council's own SFTP server)
 * @param host        the address it listens on
 * @param port        its port; 0 takes a free one
 * @param maxFileSize the largest upload taken; a bigger one is refused while it is written and its partial file removed
 */
@ConfigurationProperties("carehub.sftp")
public record SftpProperties(@DefaultValue("false") boolean enabled,
                             @DefaultValue("127.0.0.1") String host,
                             @DefaultValue("2222") int port,
                             @DefaultValue("20MB") DataSize maxFileSize) {
}
