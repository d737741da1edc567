package org.carehub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vocalink's published test cases (specification v8.50, appendix: sort code, account number, expected result). */
class UkModulusCheckTest {

    private static final UkModulusCheck CHECK = UkModulusCheck.vocalink();

    @ParameterizedTest(name = "{0} {1} is {2}: {3}")
    @CsvSource({
            "089999, 66374958, true,  pass modulus 10 check",
            "107999, 88837491, true,  pass modulus 11 check",
            "202959, 63748472, true,  pass modulus 11 and double alternate checks",
            "871427, 46238510, true,  exception 10 and 11: first check passes, second fails",
            "872427, 46238510, true,  exception 10 and 11: first check fails, second passes",
            "871427, 09123496, true,  exception 10: ab = 09, g = 9, first fails, second passes",
            "871427, 99123496, true,  exception 10: ab = 99, g = 9, first fails, second passes",
            "820000, 73688637, true,  exception 3: c is 6, the double alternate check is not done",
            "827999, 73988638, true,  exception 3: c is 9, the double alternate check is not done",
            "827101, 28748352, true,  exception 3: c is neither, both checks pass",
            "134020, 63849203, true,  exception 4: the remainder equals the check digits",
            "118765, 64371389, true,  exception 1: both checks pass with 27 added",
            "200915, 41011166, true,  exception 6: a foreign currency account, not checked",
            "938611, 07806039, true,  exception 5: first check digit correct, second correct",
            "938600, 42368003, true,  exception 5: the first check's remainder is 0",
            "938063, 55065200, true,  exception 5: sort code substituted, both checks pass",
            "772798, 99345694, true,  exception 7: g = 9 zeroises the sort code and ab",
            "086090, 06774744, true,  exception 8: sort code 090126 checked instead",
            "309070, 02355688, true,  exception 2 and 9: first check passes",
            "309070, 12345668, true,  exception 2 and 9: first fails, second passes with the substitute sort code",
            "309070, 12345677, true,  exception 2 and 9: a not 0, g not 9, passes",
            "309070, 99345694, true,  exception 2 and 9: a not 0, g = 9, passes",
            "938063, 15764273, false, exception 5: first check digit correct, second incorrect",
            "938063, 15764264, false, exception 5: first check digit incorrect, second correct",
            "938063, 15763217, false, exception 5: first check's remainder is 1",
            "118765, 64371388, false, exception 1: the double alternate check fails",
            "203099, 66831036, false, first check passes, the double alternate check fails",
            "203099, 58716970, false, first check fails, the double alternate check passes",
            "089999, 66374959, false, modulus 10 check fails",
            "107999, 88837493, false, modulus 11 check fails",
            "074456, 12345112, true,  exception 12 and 13: modulus 11 passes, modulus 10 fails",
            "070116, 34012583, true,  exception 12 and 13: modulus 11 fails, modulus 10 passes",
            "074456, 11104102, true,  exception 12 and 13: both pass",
            "180002, 00000190, true,  exception 14: the modulus 11 check passes"})
    void vocalinkTestCases(String sortCode, String accountNumber, boolean valid, String what) {
        assertThat(CHECK.isValid(sortCode, accountNumber)).as(what).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"08999, 66374958", "089999, 6637495", "08-99-99, 66374958", "089999, 6637495X"})
    void aSortCodeOrAccountNumberOfTheWrongShapeIsInvalid(String sortCode, String accountNumber) {
        assertThat(CHECK.isValid(sortCode, accountNumber)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"000000, 12345678"})
    void aSortCodeTheTablesDoNotCoverCannotBeCheckedAndIsTakenAsValid(String sortCode, String accountNumber) {
        assertThat(CHECK.isValid(sortCode, accountNumber)).isTrue();
    }
}
