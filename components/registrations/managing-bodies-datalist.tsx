/** The suggestions every "Ente gestore" field of the page offers (free text stays allowed). */
export const MANAGING_BODIES_LIST_ID = "enti-gestori-noti";

export function ManagingBodiesDatalist({ names }: { names: string[] }) {
  return (
    <datalist id={MANAGING_BODIES_LIST_ID}>
      {names.map((name) => (
        <option key={name} value={name} />
      ))}
    </datalist>
  );
}
