/** `"Maria Rossi" <maria@example.it>`; quotes and angle brackets in a name would break the header, a line break would start a new one. */
export function formatAddress(email: string, name?: string | null): string {
  const cleanName = name
    ?.replace(/["<>\\]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return cleanName ? `"${cleanName}" <${email}>` : email;
}
