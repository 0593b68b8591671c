import "server-only";
import type { Db } from "@/lib/db";
import { countDelivery, emptyDeliveryCounts, type DeliveryCounts } from "@/lib/email/delivery-counts";
import type { Province } from "@/lib/generated/prisma/enums";
import { COVERAGE_REMINDER_TEMPLATE, REMINDER_WINDOW_MS } from "./constants";
import { percentOf } from "./figures";

/**
 * Where a SAI municipality stands for a meeting: someone registered for it,
 * or it has an active referent to chase but nobody registered, or neither.
 */
export type CoverageState = "REGISTERED" | "REFERENT_ONLY" | "MISSING";

export type CoverageMunicipality = {
  id: string;
  name: string;
  province: Province;
  provinceName: string;
  state: CoverageState;
  /** Live (confirmed or waitlisted) registrations made for the municipality. */
  registrations: number;
  referents: { id: string; name: string; email: string }[];
};

export type CoverageCounts = { total: number; registered: number; referentOnly: number; missing: number; percent: number };

export type ProvinceCoverage = CoverageCounts & {
  province: Province;
  provinceName: string;
  municipalities: CoverageMunicipality[];
};

export type MeetingCoverage = { totals: CoverageCounts; provinces: ProvinceCoverage[] };

const collator = new Intl.Collator("it", { sensitivity: "base" });

function counts(municipalities: CoverageMunicipality[]): CoverageCounts {
  const registered = municipalities.filter((m) => m.state === "REGISTERED").length;
  const referentOnly = municipalities.filter((m) => m.state === "REFERENT_ONLY").length;
  const total = municipalities.length;
  return { total, registered, referentOnly, missing: total - registered - referentOnly, percent: percentOf(registered, total) };
}

/**
 * Every SAI municipality for a meeting, classified and grouped by province
 * (in the order Italians read province names), municipalities alphabetical
 * within each. A cancelled registration does not cover its municipality;
 * non-SAI municipalities are not counted.
 */
export async function getMeetingCoverage(db: Db, meetingId: string): Promise<MeetingCoverage> {
  const [municipalities, registered] = await Promise.all([
    db.municipality.findMany({
      where: { saiMember: true },
      select: {
        id: true,
        name: true,
        province: true,
        provinceName: true,
        referents: {
          where: { status: "ACTIVE" },
          select: { id: true, person: { select: { firstName: true, lastName: true, email: true } } },
          orderBy: { activatedAt: "asc" },
        },
      },
    }),
    db.registration.groupBy({
      by: ["municipalityId"],
      // The Comune's own registrations: a gestore it nominated registers for it too, but does not answer for it.
      where: { meetingId, status: { not: "CANCELLED" }, organisationType: "COMUNE", municipality: { saiMember: true } },
      _count: { _all: true },
    }),
  ]);
  const registrations = new Map(registered.map((row) => [row.municipalityId, row._count._all]));
  const classified: CoverageMunicipality[] = municipalities.map((municipality) => {
    const count = registrations.get(municipality.id) ?? 0;
    const referents = municipality.referents.map((referent) => ({
      id: referent.id,
      name: `${referent.person.firstName} ${referent.person.lastName}`,
      email: referent.person.email,
    }));
    return {
      id: municipality.id,
      name: municipality.name,
      province: municipality.province,
      provinceName: municipality.provinceName,
      state: count > 0 ? "REGISTERED" : referents.length > 0 ? "REFERENT_ONLY" : "MISSING",
      registrations: count,
      referents,
    };
  });

  const byProvince = new Map<Province, CoverageMunicipality[]>();
  for (const municipality of classified) {
    byProvince.set(municipality.province, [...(byProvince.get(municipality.province) ?? []), municipality]);
  }
  const provinces = [...byProvince.values()]
    .map((list) => {
      const sorted = list.sort((a, b) => collator.compare(a.name, b.name));
      return { province: sorted[0].province, provinceName: sorted[0].provinceName, ...counts(sorted), municipalities: sorted };
    })
    .sort((a, b) => collator.compare(a.provinceName, b.provinceName));
  return { totals: counts(classified), provinces };
}

export type ReminderProgress = DeliveryCounts;

/**
 * Delivery of the coverage reminders sent for a meeting in the last window
 * (the same window that keeps a second click from sending them again).
 */
export async function getReminderProgress(db: Db, { meetingId, now = new Date() }: { meetingId: string; now?: Date }): Promise<ReminderProgress> {
  const rows = await db.emailMessage.groupBy({
    by: ["status"],
    where: {
      meetingId,
      template: COVERAGE_REMINDER_TEMPLATE,
      createdAt: { gte: new Date(now.getTime() - REMINDER_WINDOW_MS) },
    },
    _count: { _all: true },
  });
  const progress = emptyDeliveryCounts();
  for (const row of rows) countDelivery(progress, row.status, row._count._all);
  return progress;
}
