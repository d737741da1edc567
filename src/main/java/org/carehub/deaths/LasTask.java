package org.carehub.deaths;

import java.time.LocalDate;

/**
 * A task the hub puts on a team's work list in LAS: here, "record this client's death". LAS keeps one task per
 * reference, so sending it again is harmless.
 *
 * @param reference   the hub's reference (the death notification's key)
 * @param team        the LAS team whose list it goes on (an owner team code)
 * @param personRef   the LAS person id of the client
 * @param dateOfDeath the date of death the notification gave
 * @param text        what to do, in words
 */
public record LasTask(String reference, String team, String personRef, LocalDate dateOfDeath, String text) {
}
