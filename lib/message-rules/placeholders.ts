// The placeholders a coordinator may write in a rule's subject and body,
// filled in per recipient when the email is written. Safe on the client: the
// form's live preview fills them with a sample recipient.

export type PlaceholderValues = {
  firstName: string;
  lastName: string;
  meetingTitle: string;
  /** "giovedì 24 marzo 2022, ore 15:00–17:00" */
  when: string;
  /** "Videoconferenza (Zoom)" */
  where: string;
};

export const PLACEHOLDERS: readonly { token: string; key: keyof PlaceholderValues; description: string }[] = [
  { token: "{nome}", key: "firstName", description: "il nome di chi riceve il messaggio" },
  { token: "{cognome}", key: "lastName", description: "il cognome" },
  { token: "{incontro}", key: "meetingTitle", description: "il titolo dell'incontro" },
  { token: "{data}", key: "when", description: "giorno e orario dell'incontro" },
  { token: "{luogo}", key: "where", description: "la modalità o il luogo" },
];

const PATTERN = /\{(nome|cognome|incontro|data|luogo)\}/g;
const KEYS = Object.fromEntries(PLACEHOLDERS.map(({ token, key }) => [token, key])) as Record<string, keyof PlaceholderValues>;

/** Characters that would turn a name into Markdown ("Rossi_Bianchi", "[x](y)"): escaped so a name stays text. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (character) => `\\${character}`);
}

/** Fills the known placeholders; anything else in braces stays as written. */
export function fillPlaceholders(text: string, values: PlaceholderValues, { markdown = false } = {}): string {
  return text.replace(PATTERN, (token) => {
    const value = values[KEYS[token]];
    return markdown ? escapeMarkdown(value) : value;
  });
}
