/** The attendance register for the funder's reporting, in PDF and XLSX, from the meeting's presenze routes. */
export function RegisterLinks({ meetingId }: { meetingId: string }) {
  const base = `/dashboard/convocazioni/${meetingId}/presenze`;
  return (
    <section aria-labelledby="registro" className="mb-5">
      <h2 id="registro" className="h4">
        Registro delle presenze
      </h2>
      <p>
        Per la rendicontazione FAMI: i presenti con ente, Comune, provincia, ruolo e minuti, i totali per tipo di ente e per
        provincia, gli assenti. Scarica il{" "}
        <a href={`${base}/registro.pdf`} download>
          registro in PDF
        </a>{" "}
        o il{" "}
        <a href={`${base}/registro.xlsx`} download>
          registro in Excel (XLSX)
        </a>
        .
      </p>
    </section>
  );
}
