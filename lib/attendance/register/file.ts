// The register file in either format, with its name and content type.
import { REGISTER_CONTENT_TYPES, registerFilename, type RegisterFormat, type RegisterMeeting } from "./meeting";
import { buildRegisterPdf } from "./pdf";
import { buildAttendanceRegister, type AttendanceRegister, type RegisterRegistration } from "./rows";
import { buildRegisterXlsx } from "./xlsx";

export type RegisterFile = { register: AttendanceRegister; body: Uint8Array; contentType: string; filename: string };

export async function buildRegisterFile(format: RegisterFormat, source: { meeting: RegisterMeeting; registrations: readonly RegisterRegistration[] }, now = new Date()): Promise<RegisterFile> {
  const register = buildAttendanceRegister(source.registrations);
  const body =
    format === "pdf" ? await buildRegisterPdf(source.meeting, register, now) : await buildRegisterXlsx(source.meeting, register, now);
  return { register, body, contentType: REGISTER_CONTENT_TYPES[format], filename: registerFilename(source.meeting.slug, format) };
}
