// The registrations table's URL (search, filters, sort, page) and its forms'
// schemas. The URL speaks Italian and is shareable; a bad or tampered value
// never fails the page: it falls back to the default.
import { z } from "zod";
import type { OrganisationType, Province, RegistrationStatus } from "@/lib/generated/prisma/enums";
import { cleanString } from "@/lib/platform/forms/fields";
import { PROVINCES } from "@/lib/municipalities/provinces";

export { PROVINCES };

/** URL value → status, and back. */
export const STATUS_PARAMS = {
  confermate: "CONFIRMED",
  "in-attesa": "WAITLISTED",
  annullate: "CANCELLED",
} as const satisfies Record<string, RegistrationStatus>;

export const ORGANISATION_TYPE_PARAMS = {
  comune: "COMUNE",
  "ente-gestore": "ENTE_GESTORE",
  "altro-ente": "ALTRO_ENTE",
} as const satisfies Record<string, OrganisationType>;

export type AttendanceFilter = "PRESENT" | "ABSENT" | "NONE";
export const ATTENDANCE_PARAMS = {
  presenti: "PRESENT",
  assenti: "ABSENT",
  "non-registrata": "NONE",
} as const satisfies Record<string, AttendanceFilter>;

export type SortKey = "arrival" | "name" | "email" | "organisation" | "registeredAt" | "status";
export const SORT_PARAMS = {
  arrivo: "arrival",
  nome: "name",
  email: "email",
  ente: "organisation",
  data: "registeredAt",
  stato: "status",
} as const satisfies Record<string, SortKey>;

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export type RegistrationListParams = {
  q: string;
  status: RegistrationStatus | null;
  organisationType: OrganisationType | null;
  province: Province | null;
  attendance: AttendanceFilter | null;
  sort: SortKey;
  dir: "asc" | "desc";
  page: number;
  pageSize: PageSize;
};

export const DEFAULT_LIST_PARAMS: RegistrationListParams = {
  q: "",
  status: null,
  organisationType: null,
  province: null,
  attendance: null,
  sort: "arrival",
  dir: "asc",
  page: 1,
  pageSize: 50,
};

/** Next gives a repeated key as an array: the first value counts. */
const single = (value: unknown) => (Array.isArray(value) ? value[0] : value);

function fromMap<M extends Record<string, string>>(map: M) {
  return z.preprocess(
    single,
    z
      .string()
      .refine((value) => Object.hasOwn(map, value))
      .transform((value) => map[value] as M[keyof M])
      .nullable()
      .catch(null),
  );
}

const provinceParam = z.preprocess(
  single,
  z
    .string()
    .transform((value) => value.toUpperCase())
    .refine((value): value is Province => Object.hasOwn(PROVINCES, value))
    .transform((value) => value as Province)
    .nullable()
    .catch(null),
);

export const registrationListSearchSchema = z
  .object({
    q: z.preprocess(single, cleanString().trim().max(100).catch("")).catch(""),
    stato: fromMap(STATUS_PARAMS),
    tipo: fromMap(ORGANISATION_TYPE_PARAMS),
    provincia: provinceParam,
    presenza: fromMap(ATTENDANCE_PARAMS),
    ordina: z.preprocess(single, z.enum(Object.keys(SORT_PARAMS) as [keyof typeof SORT_PARAMS]).catch("arrivo")),
    verso: z.preprocess(single, z.enum(["asc", "desc"]).catch("asc")),
    pagina: z.preprocess(single, z.coerce.number().int().min(1).max(100_000).catch(1)),
    righe: z.preprocess(
      single,
      z.coerce
        .number()
        .refine((value): value is PageSize => (PAGE_SIZES as readonly number[]).includes(value))
        .catch(DEFAULT_LIST_PARAMS.pageSize),
    ),
  })
  .transform(
    (value): RegistrationListParams => ({
      q: value.q,
      status: value.stato,
      organisationType: value.tipo,
      province: value.provincia,
      attendance: value.presenza,
      sort: SORT_PARAMS[value.ordina],
      dir: value.verso,
      page: value.pagina,
      pageSize: value.righe as PageSize,
    }),
  );

export type SearchParams = Record<string, string | string[] | undefined>;

/** The table's state from the URL; anything unreadable is the default. */
export function parseRegistrationListParams(searchParams: SearchParams | URLSearchParams): RegistrationListParams {
  const record: Record<string, unknown> =
    searchParams instanceof URLSearchParams ? Object.fromEntries(searchParams.entries()) : { ...searchParams };
  const parsed = registrationListSearchSchema.safeParse(record);
  return parsed.success ? parsed.data : DEFAULT_LIST_PARAMS;
}

const keyOf = <M extends Record<string, string>>(map: M, value: string | null) =>
  value === null ? undefined : Object.keys(map).find((key) => map[key] === value);

/** The URL's query for these params, leaving defaults out so links stay short. */
export function registrationListQuery(params: RegistrationListParams, overrides: Partial<RegistrationListParams> = {}): URLSearchParams {
  const p = { ...params, ...overrides };
  const query = new URLSearchParams();
  const entries: [string, string | undefined][] = [
    ["q", p.q || undefined],
    ["stato", keyOf(STATUS_PARAMS, p.status)],
    ["tipo", keyOf(ORGANISATION_TYPE_PARAMS, p.organisationType)],
    ["provincia", p.province ?? undefined],
    ["presenza", keyOf(ATTENDANCE_PARAMS, p.attendance)],
    ["ordina", p.sort === DEFAULT_LIST_PARAMS.sort ? undefined : keyOf(SORT_PARAMS, p.sort)],
    ["verso", p.dir === DEFAULT_LIST_PARAMS.dir ? undefined : p.dir],
    ["pagina", p.page === 1 ? undefined : String(p.page)],
    ["righe", p.pageSize === DEFAULT_LIST_PARAMS.pageSize ? undefined : String(p.pageSize)],
  ];
  for (const [key, value] of entries) if (value !== undefined) query.set(key, value);
  return query;
}

export function registrationListHref(path: string, params: RegistrationListParams, overrides: Partial<RegistrationListParams> = {}): string {
  const query = registrationListQuery(params, overrides).toString();
  return query ? `${path}?${query}` : path;
}

/** Most rows one bulk action touches: a page holds at most 100. */
export const MAX_BULK = 500;

export const BULK_INTENTS = ["confirm", "cancel", "resend", "present", "absent", "check-in"] as const;
export type BulkIntent = (typeof BULK_INTENTS)[number];

/**
 * The bulk form: the submit button pressed carries the intent, alone for the
 * selection ("cancel") or with a row's id for that row only
 * ("cancel:<uuid>"); ticked rows come as repeated "ids", and "select all"
 * stands for every row of the page ("pageIds").
 */
export const bulkActionFields = z.object({
  intent: z.string(),
  ids: z.array(z.string()),
  pageIds: z.array(z.string()),
  selectAll: z.boolean(),
  overCapacity: z.boolean(),
});

export const bulkActionSchema = bulkActionFields.transform((value, ctx) => {
  const [intent, rowId] = value.intent.split(":", 2);
  if (!(BULK_INTENTS as readonly string[]).includes(intent)) {
    ctx.addIssue({ code: "custom", message: "Scegli un'operazione." });
    return z.NEVER;
  }
  const chosen = rowId !== undefined ? [rowId] : value.selectAll ? [...value.pageIds, ...value.ids] : value.ids;
  const ids = [...new Set(chosen.filter((id) => z.uuid().safeParse(id).success))];
  if (ids.length === 0) {
    ctx.addIssue({ code: "custom", message: "Seleziona almeno un'iscrizione." });
    return z.NEVER;
  }
  if (ids.length > MAX_BULK) {
    ctx.addIssue({ code: "custom", message: `Puoi selezionare al massimo ${MAX_BULK} iscrizioni alla volta.` });
    return z.NEVER;
  }
  return { intent: intent as BulkIntent, ids, overCapacity: value.overCapacity, single: rowId !== undefined };
});
export type BulkActionInput = z.output<typeof bulkActionSchema>;

export const meetingIdSchema = z.uuid();
