import type { RegistrationCounts as Counts } from "@/lib/registrations/dashboard/queries";
import { plural } from "@/lib/platform/format/plural";

/** The meeting's numbers at a glance: statuses, seats, attendance. */
export function RegistrationCounts({ counts }: { counts: Counts }) {
  const items: { label: string; value: string; note?: string }[] = [
    {
      label: "Confermate",
      value: String(counts.confirmed),
      note: counts.capacity === null ? "nessun limite di posti" : `su ${plural(counts.capacity, "posto", "posti")}`,
    },
    { label: "Posti liberi", value: counts.freeSeats === null ? "Senza limite" : String(counts.freeSeats) },
    { label: "In lista d'attesa", value: String(counts.waitlisted) },
    { label: "Annullate", value: String(counts.cancelled) },
    { label: "Presenti", value: String(counts.present) },
    { label: "Assenti", value: String(counts.absent) },
  ];
  return (
    <section aria-labelledby="riepilogo-titolo" className="mb-5">
      <h2 id="riepilogo-titolo" className="h4">
        Riepilogo
      </h2>
      <div className="row g-3">
        {items.map((item) => (
          <div key={item.label} className="col-6 col-md-4 col-lg-2">
            <dl className="border rounded p-3 h-100 mb-0">
              <dt className="small fw-normal">{item.label}</dt>
              <dd className="h3 mb-0">
                {item.value}
                {item.note ? <span className="d-block small fw-normal">{item.note}</span> : null}
              </dd>
            </dl>
          </div>
        ))}
      </div>
    </section>
  );
}
