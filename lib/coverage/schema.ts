// The coverage page's form: one button, bound to the meeting. Safe on the client.
import { z } from "zod";
import { defineForm, type FormValues } from "@/lib/platform/forms/form-data";

/** A meeting id from a URL or a bound argument: anything but a UUID is no meeting. */
export const meetingIdSchema = z.uuid();

export const sendRemindersForm = defineForm({ text: [] });
export type SendRemindersRaw = FormValues<typeof sendRemindersForm>;
