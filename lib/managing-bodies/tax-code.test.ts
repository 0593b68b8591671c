import { describe, expect, test } from "vitest";
import { numericCheckDigit, personalCheckLetter, TAX_CODE_MESSAGES, validateTaxCode } from "./tax-code";

describe("partita IVA and the numeric codice fiscale of an organisation", () => {
  test("a code whose last digit is the check digit of the first ten is accepted", () => {
    // 0074311015 → check digit 7, worked out by hand: odd places 0+7+3+1+1 = 12, even places doubled 0+8+2+0+1 = 11 (5→10→1), 23 → 7.
    expect(numericCheckDigit("0074311015")).toBe(7);
    expect(validateTaxCode("00743110157")).toEqual({ ok: true, value: "00743110157", kind: "NUMERIC" });
    expect(validateTaxCode("80000160822")).toEqual({ ok: true, value: "80000160822", kind: "NUMERIC" });
  });

  test("spaces and the European IT prefix are stripped", () => {
    expect(validateTaxCode(" IT 007 431 101 57 ")).toEqual({ ok: true, value: "00743110157", kind: "NUMERIC" });
    expect(validateTaxCode("it00743110157")).toMatchObject({ ok: true, value: "00743110157" });
  });

  test("a wrong check digit is refused with the reason", () => {
    expect(validateTaxCode("00743110158")).toEqual({ ok: false, reason: TAX_CODE_MESSAGES.NUMERIC_CHECK });
    // Two adjacent digits swapped: the Luhn variant notices.
    expect(validateTaxCode("07043110157")).toEqual({ ok: false, reason: TAX_CODE_MESSAGES.NUMERIC_CHECK });
  });

  test("letters among the eleven digits are refused", () => {
    expect(validateTaxCode("0074311O157")).toEqual({ ok: false, reason: TAX_CODE_MESSAGES.NUMERIC_LETTERS });
  });

  test("a wrong length is refused", () => {
    expect(validateTaxCode("0074311015")).toEqual({ ok: false, reason: TAX_CODE_MESSAGES.LENGTH });
    expect(validateTaxCode("007431101570")).toEqual({ ok: false, reason: TAX_CODE_MESSAGES.LENGTH });
    expect(validateTaxCode("RSSMRA85T10A562")).toEqual({ ok: false, reason: TAX_CODE_MESSAGES.LENGTH });
    expect(validateTaxCode("   ")).toEqual({ ok: false, reason: TAX_CODE_MESSAGES.EMPTY });
  });
});

describe("the personal codice fiscale", () => {
  test("a code whose last letter is the check letter is accepted, upper-cased", () => {
    expect(personalCheckLetter("RSSMRA85T10A562")).toBe("S");
    expect(validateTaxCode("rssmra85t10a562s")).toEqual({ ok: true, value: "RSSMRA85T10A562S", kind: "PERSONAL" });
  });

  test("omocodia letters in place of digits are allowed, with their own check letter", () => {
    // The last digit 2 becomes N; the check letter is computed again.
    const letter = personalCheckLetter("RSSMRA85T10A56N");
    expect(letter).toBe("H");
    expect(validateTaxCode(`RSSMRA85T10A56N${letter}`)).toMatchObject({ ok: true, kind: "PERSONAL" });
  });

  test("a wrong check letter is refused with the reason", () => {
    expect(validateTaxCode("RSSMRA85T10A562T")).toEqual({ ok: false, reason: TAX_CODE_MESSAGES.PERSONAL_CHECK });
  });

  test("a month letter or a day of birth that cannot be is refused, even with a matching check letter", () => {
    const withCheck = (first: string) => `${first}${personalCheckLetter(first)}`;
    // A woman born on 10 December: day 50. Omocodia in the day: 5 → R, 0 → L.
    expect(validateTaxCode(withCheck("BNCGLI90T50G273"))).toMatchObject({ ok: true });
    expect(validateTaxCode(withCheck("BNCGLI90TRLG273"))).toMatchObject({ ok: true });
    for (const first of ["RSSMRA85F10A562", "RSSMRA85T00A562", "RSSMRA85T32A562", "RSSMRA85T40A562", "RSSMRA85T72A562", "RSSMRA85TVVA562"]) {
      expect(validateTaxCode(withCheck(first)), first).toEqual({ ok: false, reason: TAX_CODE_MESSAGES.PERSONAL_DATE });
    }
  });

  test("sixteen characters of the wrong shape are refused", () => {
    expect(validateTaxCode("RSSMRA85T10A5621")).toEqual({ ok: false, reason: TAX_CODE_MESSAGES.PERSONAL_FORMAT });
    expect(validateTaxCode("1234567890123456")).toEqual({ ok: false, reason: TAX_CODE_MESSAGES.PERSONAL_FORMAT });
  });
});
