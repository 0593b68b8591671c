/** `"Maria Rossi" <maria@example.it>`; quotes and angle brackets in a name would break the header. */
export function formatAddress(email: string, name?: string | null): string {
  const cleanName = name?.replace(/["<>\\\r\n]/g, "").trim();
  return cleanName ? `"${cleanName}" <${email}>` : email;
}
