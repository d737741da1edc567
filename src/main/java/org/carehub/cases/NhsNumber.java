package org.carehub.cases;

/**
 * NHS number check: ten digits whose last is the Modulus 11 check digit of the first nine
 * (NHS Data Dictionary). Spaces and hyphens as people write them are allowed.
 */
public final class NhsNumber {

    private NhsNumber() {
    }

    public static boolean isValid(String nhsNumber) {
        if (nhsNumber == null) {
            return false;
        }
        String digits = nhsNumber.replace(" ", "").replace("-", "");
        if (!digits.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    /** The ten digits without spaces, for finance. */
    public static String normalise(String nhsNumber) {
        return nhsNumber == null ? null : nhsNumber.replace(" ", "").replace("-", "");
    }
}
