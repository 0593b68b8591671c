// A nominated gestore runs a SAI project of the inviting Comune: the
// invitation keeps that Comune, whichever way it is made, and the nominee's
// registration takes it on accepting, so the FAMI register and the exports
// count them there.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { getRegisterSource } from "../attendance/register/queries";
import { buildRegisterFile } from "../attendance/register/file";
import { MIGRATIONS_DIR } from "../platform/database/migrate";
import { pdfPagesText } from "../platform/pdf/testing";
import { acceptInvitation, addNominees, register } from "../registrations/mutations";
import { setAttendance } from "../registrations/dashboard/mutations";
import { listRegistrationsForExport } from "../registrations/dashboard/queries";
import { buildRegistrationsCsv, buildRegistrationsXlsx } from "../registrations/dashboard/export";
import { applySaiImport, createSaiImport } from "../sai-projects/import/mutations";
import { parseImportFile } from "../sai-projects/import/parse";
import { createTestDatabase } from "../test/database";
import { createMeeting, createUser, registrationInput } from "../test/factories";
import { inviteOnBehalf } from "./dashboard/mutations";

const { db } = await createTestDatabase();
const coordinator = await createUser(db, "COORDINATOR");

const bagheria = await db.municipality.create({ data: { istatCode: "082006", name: "Bagheria", province: "PA", provinceName: "Palermo", saiMember: false } });

const gestore = (email: string, managingBodyName = "Cooperativa Esempio") => ({ firstName: "Luca", lastName: "Neri", email, managingBodyName });

/** The invitation link's token, as the emailed URL carries it. */
async function invitationToken(email: string) {
  const message = await db.emailMessage.findFirstOrThrow({ where: { toEmail: email, template: "invitation" }, orderBy: { createdAt: "desc" } });
  const url = (message.data as { invitationUrl: string }).invitationUrl;
  return url.slice(url.lastIndexOf("/") + 1);
}

async function registerForBagheria(slug: string, nominees: ReturnType<typeof gestore>[]) {
  const result = await register(db, {
    slug,
    ...registrationInput({ organisationType: "COMUNE", municipalityId: bagheria.id, organisationName: "", nominees }),
  });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

async function acceptAsGestore(email: string, lastName: string, body: string) {
  const accepted = await acceptInvitation(db, {
    token: await invitationToken(email),
    ...registrationInput({ firstName: "Gestore", lastName, organisationType: "ENTE_GESTORE", organisationName: body }),
  });
  if (!accepted.ok) throw new Error(accepted.reason);
  return accepted;
}

const municipalityOf = async (email: string) => (await db.invitation.findFirstOrThrow({ where: { email }, select: { municipalityId: true } })).municipalityId;

describe("a nomination keeps the inviting registration's Comune", () => {
  it("from the public form, the personal page and the dashboard on a registrant's behalf", async () => {
    const meeting = await createMeeting(db);
    const inviter = await registerForBagheria(meeting.slug, [gestore("modulo@coop.example.it")]);
    expect(await addNominees(db, { token: inviter.token, nominees: [gestore("pagina@coop.example.it")] })).toEqual({ ok: true, invited: 1 });
    expect(
      await inviteOnBehalf(db, {
        actor: coordinator,
        meetingId: meeting.id,
        registrationId: inviter.registrationId,
        nominee: gestore("cruscotto@coop.example.it"),
      }),
    ).toMatchObject({ ok: true });

    expect(await municipalityOf("modulo@coop.example.it")).toBe(bagheria.id);
    expect(await municipalityOf("pagina@coop.example.it")).toBe(bagheria.id);
    expect(await municipalityOf("cruscotto@coop.example.it")).toBe(bagheria.id);
    // So the Comune's page lists them.
    expect(await db.invitation.count({ where: { meetingId: meeting.id, municipalityId: bagheria.id } })).toBe(3);
  });

  it("a registrant of no Comune nominates without one; a nominee who names their own Comune keeps it", async () => {
    const meeting = await createMeeting(db);
    await register(db, { slug: meeting.slug, ...registrationInput({ nominees: [gestore("senza@coop.example.it")] }) });
    expect(await municipalityOf("senza@coop.example.it")).toBeNull();

    await registerForBagheria(meeting.slug, [gestore("proprio@coop.example.it")]);
    const other = await db.municipality.create({ data: { istatCode: "082070", name: "Villabate", province: "PA", provinceName: "Palermo" } });
    const accepted = await acceptInvitation(db, {
      token: await invitationToken("proprio@coop.example.it"),
      ...registrationInput({ organisationType: "COMUNE", municipalityId: other.id, organisationName: "" }),
    });
    if (!accepted.ok) throw new Error(accepted.reason);
    expect(await db.registration.findUniqueOrThrow({ where: { id: accepted.registrationId }, select: { municipalityId: true } })).toEqual({ municipalityId: other.id });
  });

  it("after the SAI import and one registration with two nominees who accept, the register and the exports show both nominees' Comune and province", async () => {
    const csv = [
      "Codice ISTAT;Comune;Ente gestore;Codice fiscale;Categoria;Codice progetto;Posti",
      "082006;Bagheria;Cooperativa Alfa;;Ordinari;PROG-BAG-A;10",
      "082006;Bagheria;Cooperativa Beta;;MSNA;PROG-BAG-B;6",
    ].join("\n");
    const parsed = await parseImportFile("progetti.csv", new TextEncoder().encode(csv));
    if (!parsed.ok) throw new Error(parsed.code);
    const upload = await createSaiImport(db, { actor: coordinator, fileName: "progetti.csv", fileHash: "0".repeat(64), rows: parsed.rows });
    expect(await applySaiImport(db, { actor: coordinator, importId: upload.id })).toMatchObject({ ok: true });

    const meeting = await createMeeting(db);
    const referent = await registerForBagheria(meeting.slug, [gestore("alfa@coop.example.it", "Cooperativa Alfa"), gestore("beta@coop.example.it", "Cooperativa Beta")]);
    const alfa = await acceptAsGestore("alfa@coop.example.it", "Alfieri", "Cooperativa Alfa");
    const beta = await acceptAsGestore("beta@coop.example.it", "Bettini", "Cooperativa Beta");
    const ids = [referent.registrationId, alfa.registrationId, beta.registrationId];
    expect(await setAttendance(db, { actor: coordinator, meetingId: meeting.id, ids, mark: "CHECK_IN" })).toMatchObject({ ok: true });

    const source = await getRegisterSource(db, meeting.id);
    if (!source) throw new Error("no register");
    const xlsx = await buildRegisterFile("xlsx", source);
    const nominees = xlsx.register.participants.filter((row) => row.organisationType === "Ente gestore");
    expect(nominees.map((row) => [row.lastName, row.organisation, row.municipality, row.province])).toEqual([
      ["Alfieri", "Cooperativa Alfa", "Bagheria", "PA"],
      ["Bettini", "Cooperativa Beta", "Bagheria", "PA"],
    ]);
    expect(xlsx.register.byProvince.map((row) => [row.label, row.participants])).toEqual([["Palermo (PA)", 3]]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.body) as unknown as ArrayBuffer);
    const present = workbook.getWorksheet("Presenti")!;
    const presentRows: string[][] = [];
    present.eachRow((row) => presentRows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? ""))));
    for (const lastName of ["Alfieri", "Bettini"]) {
      expect(presentRows.find((row) => row[1] === lastName)?.slice(5, 7)).toEqual(["Bagheria", "PA"]);
    }
    const totals: string[] = [];
    workbook.getWorksheet("Totali")!.eachRow((row) => totals.push(String((row.values as unknown[])[1] ?? "")));
    expect(totals).not.toContain("Provincia non indicata");

    const pdf = (await pdfPagesText((await buildRegisterFile("pdf", source)).body)).join("\n");
    expect(pdf).not.toContain("Provincia non indicata");
    expect(pdf).toMatch(/Alfieri Gestore Ente gestore Cooperativa Alfa Bagheria PA/);
    expect(pdf).toMatch(/Bettini Gestore Ente gestore Cooperativa Beta Bagheria PA/);

    const exported = await listRegistrationsForExport(db, { meetingId: meeting.id });
    expect(exported.filter((row) => row.organisationType === "ENTE_GESTORE").map((row) => [row.lastName, row.municipality, row.province])).toEqual(
      expect.arrayContaining([
        ["Alfieri", "Bagheria", "PA"],
        ["Bettini", "Bagheria", "PA"],
      ]),
    );
    const csvLines = buildRegistrationsCsv(exported).split("\r\n");
    const header = csvLines[0].replace("\uFEFF", "").split(";");
    for (const lastName of ["Alfieri", "Bettini"]) {
      const cells = csvLines.find((line) => line.includes(`;${lastName};`))!.split(";");
      expect([cells[header.indexOf("Comune")], cells[header.indexOf("Provincia")]]).toEqual(["Bagheria", "PA"]);
    }
    const exportBook = new ExcelJS.Workbook();
    await exportBook.xlsx.load(Buffer.from(await buildRegistrationsXlsx(exported)) as unknown as ArrayBuffer);
    const sheet = exportBook.getWorksheet("Iscrizioni")!;
    const headings = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ""));
    const found: string[][] = [];
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const values = (row.values as unknown[]).map((value) => String(value ?? ""));
      if (["Alfieri", "Bettini"].includes(values[headings.indexOf("Cognome")])) {
        found.push([values[headings.indexOf("Cognome")], values[headings.indexOf("Comune")], values[headings.indexOf("Provincia")]]);
      }
    });
    expect(found.sort()).toEqual([
      ["Alfieri", "Bagheria", "PA"],
      ["Bettini", "Bagheria", "PA"],
    ]);
  });
});

describe("the backfill migration", () => {
  it("gives earlier invitations their inviter's Comune, and registrations that accepted them the invitation's", async () => {
    const meeting = await createMeeting(db);
    const inviter = await registerForBagheria(meeting.slug, [gestore("prima@coop.example.it"), gestore("poi@coop.example.it")]);
    const accepted = await acceptAsGestore("prima@coop.example.it", "Prima", "Cooperativa Esempio");
    // As they were stored before nominations carried the Comune.
    await db.invitation.updateMany({ where: { invitedByRegistrationId: inviter.registrationId }, data: { municipalityId: null } });
    await db.registration.update({ where: { id: accepted.registrationId }, data: { municipalityId: null } });
    const directOne = await db.invitation.create({
      data: { meetingId: meeting.id, invitedByUserId: coordinator.id, email: "diretto@coop.example.it", firstName: "D", lastName: "D", managingBodyName: "Ente", tokenHash: "d".repeat(64), tokenExpiresAt: meeting.endsAt },
    });

    const [folder] = (await readdir(MIGRATIONS_DIR)).filter((name) => name.endsWith("_invitation_municipality_backfill"));
    const sql = await readFile(path.join(MIGRATIONS_DIR, folder, "migration.sql"), "utf8");
    for (const statement of sql.split(";").map((part) => part.replace(/^\s*--.*$/gm, "").trim()).filter(Boolean)) {
      await db.$executeRawUnsafe(statement);
    }

    expect(await municipalityOf("prima@coop.example.it")).toBe(bagheria.id);
    expect(await municipalityOf("poi@coop.example.it")).toBe(bagheria.id);
    expect(await db.registration.findUniqueOrThrow({ where: { id: accepted.registrationId }, select: { municipalityId: true } })).toEqual({ municipalityId: bagheria.id });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: directOne.id }, select: { municipalityId: true } })).toEqual({ municipalityId: null });
  });
});
