package org.carehub.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Modulus 11 check of NHS numbers, as the NHS Data Dictionary defines it. */
class NhsNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "943 476 5919", "943-476-5919", "4010232137"})
    void numbers_with_the_right_check_digit_are_valid(String number) {
        assertThat(NhsNumber.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765918", "943476591", "94347659190", "94347659A9", ""})
    void wrong_check_digit_length_or_characters_are_invalid(String number) {
        assertThat(NhsNumber.isValid(number)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void a_number_whose_check_digit_would_be_ten_is_never_valid() {
        // 1000000010: weights give a remainder of 1, so the check digit would be 10: no valid number exists.
        assertThat(NhsNumber.isValid("1000000010")).isFalse();
        assertThat(NhsNumber.isValid(null)).isFalse();
    }
}
