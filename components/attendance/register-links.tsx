import { routes } from "@/lib/routes";
/** The attendance register for the funder's reporting, in PDF and XLSX, from the meeting's presenze routes. */
export function RegisterLinks({ meetingId }: { meetingId: string }) {
  return (
    <section aria-labelledby="registro" className="mb-5">
      <h2 id="registro" className="h4">
        Registro delle presenze
      </h2>
      <p>
        Per la rendicontazione FAMI: i presenti con ente, Comune, provincia, ruolo e minuti, i totali per tipo di ente e per
        provincia, gli assenti. Scarica il{" "}
        <a href={routes.dashboard.meeting(meetingId).attendanceRegisterPdf()} download>
          registro in PDF
        </a>{" "}
        o il{" "}
        <a href={routes.dashboard.meeting(meetingId).attendanceRegisterXlsx()} download>
          registro in Excel (XLSX)
        </a>
        .
      </p>
    </section>
  );
}
