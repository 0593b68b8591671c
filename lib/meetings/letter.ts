// The convocation letter's own words, shared by the web page
// (components/meetings/meeting-letter.tsx) and the PDF (./letter-pdf.ts).

/** "0227/15/03/22" → "Prot. n. 0227/15/03/22"; a number already prefixed is kept as written. */
export function protocolLabel(protocolNumber: string): string {
  const value = protocolNumber.trim();
  return /^prot/i.test(value) ? value : `Prot. n. ${value}`;
}

/** "https://www.progettocoopera.it/" → "progettocoopera.it", as the letter's footer writes it. */
export function websiteLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

/** The letterhead's foot, as on the paper letter. */
export const LETTER_FOOTER = { name: "ANCI SICILIA", description: "Associazione dei comuni siciliani" } as const;
